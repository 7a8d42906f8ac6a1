import type { ConditionDraft } from '../../state/chatflowDraft.js';
import { SelectField } from '../fields/SelectField.js';
import { TextField } from '../TextField.js';
import { CONDITION_FIELDS, OPERATORS } from './labels.js';

interface ConditionRowProps {
  /** e.g. "Rule 2, condition 1": names the group and its remove button. */
  label: string;
  condition: ConditionDraft;
  onChange: (condition: ConditionDraft) => void;
  /** Left out when it is the rule's only condition (a rule needs one). */
  onRemove?: () => void;
}

/** One condition of a routing rule: field (and property name), operator, value. */
export function ConditionRow({ label, condition, onChange, onRemove }: ConditionRowProps) {
  const set = (change: Partial<ConditionDraft>) => onChange({ ...condition, ...change });
  return (
    <div class="condition" role="group" aria-label={label} id={`condition-${condition.key}`}>
      <SelectField label="Field" value={condition.field} choices={CONDITION_FIELDS} onChange={(field) => set({ field })} />
      {condition.field === 'property' && (
        <TextField label="Property name" value={condition.name} onInput={(name) => set({ name })} maxLength={64} autoComplete="off" />
      )}
      <SelectField label="Operator" value={condition.operator} choices={OPERATORS} onChange={(operator) => set({ operator })} />
      <TextField
        label="Value"
        value={condition.value}
        onInput={(value) => set({ value })}
        maxLength={2000}
        autoComplete="off"
        hint={condition.field === 'language' ? 'e.g. fi, or fi-FI' : undefined}
      />
      {onRemove && (
        <button type="button" class="button small remove" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </div>
  );
}
