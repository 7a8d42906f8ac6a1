import type { QuestionCard, UserSummary } from '@parley/protocol';
import type { ConditionDraft } from '../../state/chatflowDraft.js';
import { SelectField } from '../fields/SelectField.js';
import { TextField } from '../TextField.js';
import { AnswerConditionFields } from './AnswerConditionFields.js';
import { ContactCriterionFields } from './ContactCriterionFields.js';
import { CONDITION_FIELDS, OPERATORS, VISITOR_KINDS } from './labels.js';

interface ConditionRowProps {
  /** e.g. "Rule 2, condition 1": names the group and its remove button. */
  label: string;
  condition: ConditionDraft;
  onChange: (condition: ConditionDraft) => void;
  /** Left out when it is the rule's only condition (a rule needs one). */
  onRemove?: () => void;
  /** For contact owner conditions. */
  users: ReadonlyArray<UserSummary>;
  /** For bot answer conditions: the flow's saved question cards. */
  questions: ReadonlyArray<QuestionCard & { id: string }>;
}

/** One condition of a routing rule: field (and property name), operator, value. */
export function ConditionRow({ label, condition, onChange, onRemove, users, questions }: ConditionRowProps) {
  const set = (change: Partial<ConditionDraft>) => onChange({ ...condition, ...change });
  const { field } = condition;
  // A field change starts its value afresh: "known" or a user id means nothing to the next field.
  const setField = (next: ConditionDraft['field']) => set({ field: next, value: next === 'visitor' ? 'known' : '', op: 'is', ...(next === 'answer' ? { name: '' } : {}) });
  return (
    <div class="condition" role="group" aria-label={label} id={`condition-${condition.key}`}>
      <SelectField label="Field" value={field} choices={CONDITION_FIELDS} onChange={setField} />
      {field === 'visitor' && (
        <SelectField label="Visitor is" value={condition.value === 'unknown' ? 'unknown' : 'known'} choices={VISITOR_KINDS} onChange={(value) => set({ value })} />
      )}
      {field === 'contact' && (
        <ContactCriterionFields
          criterion={{ field, attribute: condition.attribute, op: condition.op, value: condition.value }}
          users={users}
          onChange={(next) => next.field === 'contact' && set({ attribute: next.attribute, op: next.op, value: next.value })}
        />
      )}
      {field === 'contactProperty' && (
        <ContactCriterionFields
          criterion={{ field, name: condition.name, op: condition.op, value: condition.value }}
          users={users}
          onChange={(next) => next.field === 'contactProperty' && set({ name: next.name, op: next.op, value: next.value })}
        />
      )}
      {field === 'answer' && <AnswerConditionFields condition={condition} questions={questions} set={set} />}
      {(field === 'page_url' || field === 'language' || field === 'property') && (
        <TextConditionFields condition={condition} set={set} />
      )}
      {onRemove && (
        <button type="button" class="button small remove" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </div>
  );
}

/** Page URL, language and visitor property: (property name,) text operator, value. */
function TextConditionFields({ condition, set }: { condition: ConditionDraft; set: (change: Partial<ConditionDraft>) => void }) {
  return (
    <>
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
    </>
  );
}
