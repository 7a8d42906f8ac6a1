import type { ContactCriterion, UserSummary } from '@parley/protocol';
import { IdSelect } from '../fields/IdSelect.js';
import { SelectField } from '../fields/SelectField.js';
import { RuleTextField } from './RuleTextField.js';
import { CONTACT_ATTRIBUTE_LABELS, CONTACT_OPERATOR_LABELS, OWNER_OPERATOR_LABELS, takesValue } from './criteriaLabels.js';

interface ContactCriterionFieldsProps {
  criterion: ContactCriterion;
  onChange: (criterion: ContactCriterion) => void;
  /** For the owner criterion: the users to pick from. */
  users: ReadonlyArray<UserSummary>;
  /** Marks the text boxes and reads the row's problems with them. */
  invalid?: boolean;
  describedBy?: string;
}

/**
 * The parts of a contact criterion after its field (targeting rows and routing conditions use
 * the same): which contact field or property, the operator, and a value when the operator takes
 * one — a user for the owner.
 */
export function ContactCriterionFields({ criterion, onChange, users, invalid = false, describedBy }: ContactCriterionFieldsProps) {
  const isOwner = criterion.field === 'contact' && criterion.attribute === 'owner';
  return (
    <>
      {criterion.field === 'contact' ? (
        <SelectField
          label="Contact field"
          value={criterion.attribute}
          choices={CONTACT_ATTRIBUTE_LABELS}
          // A value typed for another field would rarely fit this one (an owner is a user id).
          onChange={(attribute) => onChange({ ...criterion, attribute, op: 'is', value: '' })}
        />
      ) : (
        <RuleTextField label="Property name" value={criterion.name} maxLength={64} onInput={(name) => onChange({ ...criterion, name })} invalid={invalid} describedBy={describedBy} />
      )}
      <SelectField
        label="Operator"
        value={criterion.op}
        choices={isOwner ? OWNER_OPERATOR_LABELS : CONTACT_OPERATOR_LABELS}
        onChange={(op) => onChange({ ...criterion, op, value: takesValue(op) ? criterion.value : '' })}
      />
      {takesValue(criterion.op) &&
        (isOwner ? (
          <IdSelect
            label="Owner"
            value={/^\d+$/.test(criterion.value) ? Number(criterion.value) : null}
            options={users}
            placeholder="Choose a user…"
            invalid={invalid}
            onChange={(id) => onChange({ ...criterion, value: id === null ? '' : String(id) })}
          />
        ) : (
          <RuleTextField label="Value" grow value={criterion.value} maxLength={500} onInput={(value) => onChange({ ...criterion, value })} invalid={invalid} describedBy={describedBy} />
        ))}
    </>
  );
}
