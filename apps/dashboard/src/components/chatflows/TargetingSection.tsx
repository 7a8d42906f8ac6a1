import type { ChatflowTargeting, TargetingRule, UserSummary } from '@parley/protocol';
import { focusLater } from './focusLater.js';
import { blankRule, TargetingRuleRow } from './TargetingRuleRow.js';

interface TargetingSectionProps {
  value: ChatflowTargeting;
  onChange: (value: ChatflowTargeting) => void;
  /** Problems by engine path (`targeting.groups[0][1]` and below), shown at their rule. */
  problemsAt?: (path: string) => string[];
  /** For contact owner rules. */
  users?: ReadonlyArray<UserSummary>;
}

const replaceAt = <T,>(list: readonly T[], at: number, item: T): T[] => list.map((old, i) => (i === at ? item : old));
const removeAt = <T,>(list: readonly T[], at: number): T[] => list.filter((_, i) => i !== at);

/**
 * Where the chatflow shows (W6): filter groups (every rule of a group must match; any one group
 * is enough) and exclusions, which hide it whatever the groups say.
 */
export function TargetingSection({ value, onChange, problemsAt = () => [], users = [] }: TargetingSectionProps) {
  const { groups, exclusions } = value;
  const setGroups = (next: TargetingRule[][]) => onChange({ ...value, groups: next });
  const setExclusions = (next: TargetingRule[]) => onChange({ ...value, exclusions: next });

  function addGroup() {
    setGroups([...groups, [blankRule()]]);
    focusLater(`.targeting-group:nth-of-type(${groups.length + 1}) .targeting-rule:last-child select`);
  }

  return (
    <>
      <fieldset class="settings-section targeting">
        <legend>Show on</legend>
        {groups.length === 0 ? (
          <p class="targeting-everywhere">No filter groups: the chatflow shows on every page{exclusions.length > 0 ? ', except where an exclusion below matches' : ''}.</p>
        ) : (
          <p class="field-hint">Shows where every rule of at least one group matches. Rules are checked against the page URL without its query; a value starting with “/” is a path.</p>
        )}
        <div class="targeting-groups">
          {groups.map((group, g) => (
            <section class="targeting-group" key={g} aria-labelledby={`targeting-group-${g}`}>
              {g > 0 && (
                <p class="or-line" aria-hidden="true">
                  or
                </p>
              )}
              <h3 id={`targeting-group-${g}`} class="group-title">
                Filter group {g + 1} <span class="title-note">· all of these</span>
              </h3>
              <ul class="targeting-rules">
                {group.map((rule, r) => (
                  <TargetingRuleRow
                    key={r}
                    name={`Rule ${r + 1} of filter group ${g + 1}`}
                    rule={rule}
                    users={users}
                    problems={problemsAt(`targeting.groups[${g}][${r}]`)}
                    onChange={(next) => setGroups(replaceAt(groups, g, replaceAt(group, r, next)))}
                    onRemove={() => setGroups(group.length === 1 ? removeAt(groups, g) : replaceAt(groups, g, removeAt(group, r)))}
                  />
                ))}
              </ul>
              {problemsAt(`targeting.groups[${g}]`).map((problem) => (
                <p key={problem} class="form-error">
                  {problem}
                </p>
              ))}
              <div class="form-actions">
                <button type="button" class="button small" onClick={() => setGroups(replaceAt(groups, g, [...group, blankRule()]))}>
                  Add rule
                </button>
                <button type="button" class="button small" aria-label={`Remove group ${g + 1}`} onClick={() => setGroups(removeAt(groups, g))}>
                  Remove group
                </button>
              </div>
            </section>
          ))}
        </div>
        <button type="button" class="button" onClick={addGroup}>
          Add filter group
        </button>
      </fieldset>
      <fieldset class="settings-section targeting">
        <legend>Exclusions</legend>
        <p class="field-hint">The chatflow never shows where any of these matches, e.g. the privacy page.</p>
        {exclusions.length > 0 && (
          <ul class="targeting-rules">
            {exclusions.map((rule, r) => (
              <TargetingRuleRow
                key={r}
                name={`Exclusion rule ${r + 1}`}
                rule={rule}
                users={users}
                problems={problemsAt(`targeting.exclusions[${r}]`)}
                onChange={(next) => setExclusions(replaceAt(exclusions, r, next))}
                onRemove={() => setExclusions(removeAt(exclusions, r))}
              />
            ))}
          </ul>
        )}
        <button type="button" class="button" onClick={() => setExclusions([...exclusions, blankRule()])}>
          Add exclusion rule
        </button>
      </fieldset>
    </>
  );
}
