/**
 * Visitor-information criteria (W6 targeting and R1 custom routing rules): known / unknown and
 * the linked contact's fields and custom properties. One matcher for both, so a chatflow shown
 * "to Acme contacts" and a rule routing "Acme contacts" agree on who that is.
 */
import type { ContactAttribute, ContactCriterion, ContactFacts, ContactOperator, VisitorCriterion } from '@parley/protocol';

/** What the criteria read: whether the visitor is linked to a contact, and that contact. */
export interface CriteriaSubject {
  known: boolean;
  contact?: ContactFacts | null;
}

export type VisitorInfoCriterion = VisitorCriterion | ContactCriterion;

/** Each criterion kind and the keys it has (validation refuses others). */
export const CRITERION_KEYS: Readonly<Record<VisitorInfoCriterion['field'], readonly string[]>> = {
  visitor: ['field', 'value'],
  contact: ['field', 'attribute', 'op', 'value'],
  contactProperty: ['field', 'name', 'op', 'value'],
};

/** The part of the email after its last `@`, or null without one. */
export function emailDomain(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  return at < 0 ? null : email.slice(at + 1);
}

function attributeValue(contact: ContactFacts, attribute: ContactAttribute): string | null {
  switch (attribute) {
    case 'email':
      return contact.email;
    case 'emailDomain':
      return emailDomain(contact.email);
    case 'firstName':
      return contact.firstName;
    case 'lastName':
      return contact.lastName;
    case 'phone':
      return contact.phone;
    case 'organization':
      return contact.organization;
    case 'owner':
      return contact.ownerId === null ? null : String(contact.ownerId);
    default:
      return null;
  }
}

/** The compared text: null when there is no contact, no such field, or only blanks. */
function criterionValue(criterion: ContactCriterion, contact: ContactFacts | null | undefined): string | null {
  if (!contact) return null;
  const raw =
    criterion.field === 'contact'
      ? attributeValue(contact, criterion.attribute)
      : Object.hasOwn(contact.properties, criterion.name)
        ? contact.properties[criterion.name]
        : null;
  return typeof raw === 'string' && raw.trim() !== '' ? raw : null;
}

/**
 * Text comparisons ignore case and surrounding blanks (`ACME ` is `acme`). A missing value is
 * "not set": it is not `is` or `contains` anything, and it `isNot` every value.
 */
export function compareContactValue(op: ContactOperator, actual: string | null, expected: string): boolean {
  const a = actual?.trim().toLowerCase() ?? null;
  const e = expected.trim().toLowerCase();
  switch (op) {
    case 'isSet':
      return a !== null;
    case 'isNotSet':
      return a === null;
    case 'is':
      return a !== null && a === e;
    case 'isNot':
      return a === null || a !== e;
    case 'contains':
      return a !== null && a.includes(e);
    default:
      return false;
  }
}

export function criterionMatches(criterion: VisitorInfoCriterion, subject: CriteriaSubject): boolean {
  switch (criterion.field) {
    case 'visitor':
      return subject.known === (criterion.value === 'known');
    case 'contact':
    case 'contactProperty':
      return compareContactValue(criterion.op, criterionValue(criterion, subject.contact), criterion.value);
    default:
      return false;
  }
}

/** Whether a routing condition or targeting rule is one of these criteria. */
export function isVisitorInfoCriterion(rule: { field: string }): rule is VisitorInfoCriterion {
  return Object.hasOwn(CRITERION_KEYS, rule.field);
}
