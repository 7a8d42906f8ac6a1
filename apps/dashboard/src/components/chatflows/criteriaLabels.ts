/** Words for contact criteria (W6 targeting, R1 routing rules), shared by both editors. */
import type { ContactAttribute, ContactOperator } from '@parley/protocol';
import type { Choice } from '../fields/SelectField.js';

export const CONTACT_ATTRIBUTE_LABELS: ReadonlyArray<Choice<ContactAttribute>> = [
  { value: 'email', label: 'Email' },
  { value: 'emailDomain', label: 'Email domain' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'phone', label: 'Phone' },
  { value: 'organization', label: 'Organization' },
  { value: 'owner', label: 'Owner' },
];

export const CONTACT_OPERATOR_LABELS: ReadonlyArray<Choice<ContactOperator>> = [
  { value: 'is', label: 'is' },
  { value: 'isNot', label: 'is not' },
  { value: 'contains', label: 'contains' },
  { value: 'isSet', label: 'is set' },
  { value: 'isNotSet', label: 'is not set' },
];

/** The owner is a user: "contains" says nothing about one. */
export const OWNER_OPERATOR_LABELS = CONTACT_OPERATOR_LABELS.filter((choice) => choice.value !== 'contains');

export const takesValue = (op: ContactOperator): boolean => op !== 'isSet' && op !== 'isNotSet';
