import type { TargetingRule, UserSummary } from '@parley/protocol';
import { useId } from 'preact/hooks';
import { SelectField } from '../fields/SelectField.js';
import { RuleTextField } from './RuleTextField.js';
import { ContactCriterionFields } from './ContactCriterionFields.js';
import { DEVICES, TARGETING_FIELDS, URL_OPERATOR_LABELS, VISITOR_KINDS } from './labels.js';

interface TargetingRuleRowProps {
  /** "Rule 2 of filter group 1": names the row and its Remove button. */
  name: string;
  rule: TargetingRule;
  onChange: (rule: TargetingRule) => void;
  onRemove: () => void;
  /** What the checks found wrong with this rule; marks the value and is read with it. */
  problems: string[];
  /** For contact owner rules. */
  users: ReadonlyArray<UserSummary>;
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
    case 'contact':
      return { field, attribute: 'organization', op: 'is', value: '' };
    case 'contactProperty':
      return { field, name: '', op: 'is', value: '' };
  }
}

/** One targeting rule (W6): field, then what fits it (operator and value, name and value, a choice). */
export function TargetingRuleRow({ name, rule, onChange, onRemove, problems, users }: TargetingRuleRowProps) {
  const id = useId();
  // Every text box of the rule is marked by, and read with, the rule's problems.
  const marks = { invalid: problems.length > 0, describedBy: problems.length > 0 ? `${id}-problems` : undefined };
  return (
    <li class="targeting-rule">
      <div class="targeting-rule-fields" role="group" aria-label={name}>
      <SelectField label="Field" value={rule.field} choices={TARGETING_FIELDS} onChange={(field) => onChange(blankRule(field))} />
      {rule.field === 'url' && (
        <>
          <SelectField label="Operator" value={rule.op} choices={URL_OPERATOR_LABELS} onChange={(op) => onChange({ ...rule, op })} />
          <RuleTextField
            label="Value"
            grow
            value={rule.value}
            placeholder={rule.op === 'wildcard' ? '/blog/*' : '/pricing'}
            onInput={(value) => onChange({ ...rule, value })}
            {...marks}
          />
        </>
      )}
      {rule.field === 'query' && (
        <>
          <RuleTextField label="Parameter name" value={rule.name} onInput={(value) => onChange({ ...rule, name: value })} {...marks} />
          <span class="rule-word" aria-hidden="true">
            =
          </span>
          <RuleTextField label="Value" grow value={rule.value} placeholder="* for any value" onInput={(value) => onChange({ ...rule, value })} {...marks} />
        </>
      )}
      {rule.field === 'device' && (
        <SelectField label="Device is" value={rule.value} choices={DEVICES} onChange={(value) => onChange({ field: 'device', value })} />
      )}
      {rule.field === 'visitor' && (
        <SelectField label="Visitor is" value={rule.value} choices={VISITOR_KINDS} onChange={(value) => onChange({ field: 'visitor', value })} />
      )}
      {(rule.field === 'contact' || rule.field === 'contactProperty') && <ContactCriterionFields criterion={rule} onChange={onChange} users={users} {...marks} />}
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
