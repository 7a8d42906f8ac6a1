import type { QuestionCard, Team, UserSummary } from '@parley/protocol';
import { newCondition, type ConditionDraft, type RuleDraft } from '../../state/chatflowDraft.js';
import { IdSelect } from '../fields/IdSelect.js';
import { SelectField } from '../fields/SelectField.js';
import { ConditionRow } from './ConditionRow.js';
import { focusLater } from './focusLater.js';

const TARGET_KINDS = [
  { value: 'user', label: 'A user' },
  { value: 'team', label: 'A team' },
] as const;

interface RuleEditorProps {
  rule: RuleDraft;
  index: number;
  count: number;
  users: UserSummary[];
  teams: Team[];
  /** The flow's saved question cards, for bot answer conditions. */
  questions: ReadonlyArray<QuestionCard & { id: string }>;
  onChange: (rule: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One custom routing rule (R1): all of its conditions must match; then the chat goes to its target. */
export function RuleEditor({ rule, index, count, users, teams, questions, onChange, onMove, onRemove }: RuleEditorProps) {
  const name = `Rule ${index + 1}`;
  const set = (change: Partial<RuleDraft>) => onChange({ ...rule, ...change });
  const addId = `rule-${rule.key}-add-condition`;

  function setCondition(at: number, condition: ConditionDraft) {
    set({ conditions: rule.conditions.map((c, i) => (i === at ? condition : c)) });
  }

  function addCondition() {
    const condition = newCondition();
    set({ conditions: [...rule.conditions, condition] });
    focusLater(`#condition-${condition.key} select`);
  }

  function removeCondition(at: number) {
    set({ conditions: rule.conditions.filter((_, i) => i !== at) });
    focusLater(`#${addId}`);
  }

  return (
    <fieldset class="rule" id={`rule-${rule.key}`}>
      <legend>{name}</legend>
      <p class="field-hint">Matches when all of its conditions match.</p>
      <div class="conditions">
        {rule.conditions.map((condition, at) => (
          <ConditionRow
            key={condition.key}
            label={`${name}, condition ${at + 1}`}
            condition={condition}
            onChange={(next) => setCondition(at, next)}
            onRemove={rule.conditions.length > 1 ? () => removeCondition(at) : undefined}
            users={users}
            questions={questions}
          />
        ))}
      </div>
      <button type="button" id={addId} class="button small" aria-label={`Add condition to ${name.toLowerCase()}`} onClick={addCondition}>
        Add condition
      </button>
      <div class="field-row rule-target">
        <SelectField label="Route to" value={rule.targetKind} choices={TARGET_KINDS} onChange={(targetKind) => set({ targetKind })} />
        {rule.targetKind === 'user' ? (
          <IdSelect label="User" value={rule.userId} options={users} placeholder="Choose a user…" onChange={(userId) => set({ userId })} />
        ) : (
          <IdSelect label="Team" value={rule.teamId} options={teams} placeholder="Choose a team…" onChange={(teamId) => set({ teamId })} />
        )}
      </div>
      <div class="form-actions rule-actions">
        <button
          type="button"
          id={`rule-${rule.key}-up`}
          class="button small"
          aria-label={`Move up, ${name.toLowerCase()}`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          Move up
        </button>
        <button
          type="button"
          id={`rule-${rule.key}-down`}
          class="button small"
          aria-label={`Move down, ${name.toLowerCase()}`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          Move down
        </button>
        <button type="button" class="button small" aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove}>
          Remove rule
        </button>
      </div>
    </fieldset>
  );
}
