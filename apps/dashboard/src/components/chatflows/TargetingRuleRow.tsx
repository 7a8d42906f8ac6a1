import type { TargetingRule } from '@parley/protocol';
import { useId } from 'preact/hooks';
import { DEVICES, TARGETING_FIELDS, URL_OPERATOR_LABELS, VISITOR_KINDS } from './labels.js';

interface TargetingRuleRowProps {
  /** "Rule 2 of filter group 1": names the row and its Remove button. */
  name: string;
  rule: TargetingRule;
  onChange: (rule: TargetingRule) => void;
  onRemove: () => void;
  /** What the checks found wrong with this rule; marks the value and is read with it. */
  problems: string[];
}

/** A new rule of each kind; switching a rule's field starts from these. */
export function blankRule(field: TargetingRule['field'] = 'url'): TargetingRule {
  switch (field) {
    case 'url':
      return { field, op: 'contains', value: '' };
    case 'query':
      return { field, name: '', value: '' };
    case 'device':
      return { field, value: 'desktop' };
    case 'visitor':
      return { field, value: 'known' };
  }
}

/** One targeting rule (W6): field, then what fits it (operator and value, name and value, a choice). */
export function TargetingRuleRow({ name, rule, onChange, onRemove, problems }: TargetingRuleRowProps) {
  const id = useId();
  const invalid = problems.length > 0 || undefined;
  const describedBy = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <li class="targeting-rule">
      <div class="targeting-rule-fields" role="group" aria-label={name}>
      <div class="field">
        <label for={`${id}-field`}>Field</label>
        <select id={`${id}-field`} value={rule.field} onChange={(event) => onChange(blankRule(event.currentTarget.value as TargetingRule['field']))}>
          {TARGETING_FIELDS.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {rule.field === 'url' && (
        <>
          <div class="field">
            <label for={`${id}-op`}>Operator</label>
            <select id={`${id}-op`} value={rule.op} onChange={(event) => onChange({ ...rule, op: event.currentTarget.value as typeof rule.op })}>
              {URL_OPERATOR_LABELS.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field grow">
            <label for={`${id}-value`}>Value</label>
            <input
              id={`${id}-value`}
              type="text"
              value={rule.value}
              placeholder={rule.op === 'wildcard' ? '/blog/*' : '/pricing'}
              spellcheck={false}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(event) => onChange({ ...rule, value: event.currentTarget.value })}
            />
          </div>
        </>
      )}
      {rule.field === 'query' && (
        <>
          <div class="field">
            <label for={`${id}-name`}>Parameter name</label>
            <input
              id={`${id}-name`}
              type="text"
              value={rule.name}
              spellcheck={false}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(event) => onChange({ ...rule, name: event.currentTarget.value })}
            />
          </div>
          <span class="rule-word" aria-hidden="true">
            =
          </span>
          <div class="field grow">
            <label for={`${id}-value`}>Value</label>
            <input
              id={`${id}-value`}
              type="text"
              value={rule.value}
              placeholder="* for any value"
              spellcheck={false}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(event) => onChange({ ...rule, value: event.currentTarget.value })}
            />
          </div>
        </>
      )}
      {rule.field === 'device' && (
        <div class="field">
          <label for={`${id}-value`}>Device is</label>
          <select id={`${id}-value`} value={rule.value} onChange={(event) => onChange({ field: 'device', value: event.currentTarget.value as 'desktop' | 'mobile' })}>
            {DEVICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {rule.field === 'visitor' && (
        <div class="field">
          <label for={`${id}-value`}>Visitor is</label>
          <select id={`${id}-value`} value={rule.value} onChange={(event) => onChange({ field: 'visitor', value: event.currentTarget.value as 'known' | 'unknown' })}>
            {VISITOR_KINDS.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" class="button small" aria-label={`Remove ${name.charAt(0).toLowerCase()}${name.slice(1)}`} onClick={onRemove}>
        Remove
      </button>
      </div>
      {problems.length > 0 && (
        <ul id={`${id}-problems`} class="rule-problems form-error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
