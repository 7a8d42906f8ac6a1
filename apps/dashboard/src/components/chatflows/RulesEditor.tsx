import type { QuestionCard, Team, UserSummary } from '@parley/protocol';
import { newRule, type RuleDraft } from '../../state/chatflowDraft.js';
import { focusLater } from './focusLater.js';
import { RuleEditor } from './RuleEditor.js';

interface RulesEditorProps {
  rules: RuleDraft[];
  users: UserSummary[];
  teams: Team[];
  questions: ReadonlyArray<QuestionCard & { id: string }>;
  onChange: (rules: RuleDraft[]) => void;
}

/** Ordered custom rules (R1): the first rule that matches wins. */
export function RulesEditor({ rules, users, teams, questions, onChange }: RulesEditorProps) {
  function add() {
    const rule = newRule();
    onChange([...rules, rule]);
    focusLater(`#rule-${rule.key} select`);
  }

  function move(index: number, by: -1 | 1) {
    const to = index + by;
    if (to < 0 || to >= rules.length) return;
    const next = [...rules];
    [next[index], next[to]] = [next[to], next[index]];
    onChange(next);
    // Keep focus on the button just used; at the end of the list it is disabled, so take the other.
    const key = rules[index].key;
    const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    focusLater(`#rule-${key}-${same}`, `#rule-${key}-${other}`);
  }

  function remove(index: number) {
    onChange(rules.filter((_, i) => i !== index));
    focusLater('#add-rule');
  }

  return (
    <fieldset class="rules">
      <legend>Rules</legend>
      <p class="field-hint">The first rule that matches decides; when none matches, the visitor gets the fallback message.</p>
      {rules.length > 0 && (
        <ol class="rule-list">
          {rules.map((rule, index) => (
            <li key={rule.key}>
              <RuleEditor
                rule={rule}
                index={index}
                count={rules.length}
                users={users}
                teams={teams}
                questions={questions}
                onChange={(next) => onChange(rules.map((r) => (r.key === rule.key ? next : r)))}
                onMove={(by) => move(index, by)}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
      )}
      <button type="button" id="add-rule" class="button" onClick={add}>
        Add rule
      </button>
    </fieldset>
  );
}
