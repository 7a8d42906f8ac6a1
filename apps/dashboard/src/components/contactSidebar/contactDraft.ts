/**
 * The sidebar's contact form as data: which fields it has (their labels are the accessible names
 * other tests rely on: "Email", "Phone", "Organization"), what a draft changes, checks made before
 * anything is sent, and which field a server error belongs to.
 */
import { CURRENCY_PATTERN, DEAL_VALUE_PATTERN, type Contact, type ErrorCode, type UpdateContactRequest } from '@parley/protocol';

export type ContactFieldKey = Exclude<keyof UpdateContactRequest, 'properties'>;

export interface ContactFieldSpec {
  key: ContactFieldKey;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'date' | 'multiline' | 'owner' | 'money' | 'currency';
}

export const CONTACT_FIELDS: readonly ContactFieldSpec[] = [
  { key: 'firstName', label: 'First name', kind: 'text' },
  { key: 'lastName', label: 'Last name', kind: 'text' },
  { key: 'email', label: 'Email', kind: 'email' },
  { key: 'phone', label: 'Phone', kind: 'tel' },
  { key: 'organizationName', label: 'Organization', kind: 'text' },
  { key: 'organizationAddress', label: 'Address', kind: 'multiline' },
  { key: 'ownerId', label: 'Owner', kind: 'owner' },
  { key: 'note', label: 'Note', kind: 'multiline' },
  { key: 'dealValue', label: 'Deal value', kind: 'money' },
  { key: 'currency', label: 'Currency', kind: 'currency' },
  { key: 'expectedCloseDate', label: 'Expected close date', kind: 'date' },
];

/** Edited fields only, as typed; everything else shows the contact as it is now (also live). */
export type ContactDraft = Partial<Record<ContactFieldKey, string>>;

/** A field's value as the form shows it ("" for none). */
export function contactValue(contact: Contact | null, key: ContactFieldKey): string {
  if (!contact) return '';
  const value: string | number | null =
    key === 'organizationName' ? contact.organization.name : key === 'organizationAddress' ? contact.organization.address : key === 'ownerId' ? contact.ownerId : contact[key];
  return value === null ? '' : String(value);
}

/** What the draft changes: "" (or only spaces) clears, the owner is an id, currencies are upper case. */
export function changesFrom(draft: ContactDraft, contact: Contact | null): UpdateContactRequest {
  const changes: Record<string, string | number | null> = {};
  for (const { key } of CONTACT_FIELDS) {
    const typed = draft[key];
    if (typed === undefined || typed === contactValue(contact, key)) continue;
    if (typed.trim() === '') changes[key] = null;
    else if (key === 'ownerId') changes[key] = Number(typed);
    else if (key === 'currency') changes[key] = typed.trim().toUpperCase();
    else if (key === 'dealValue') changes[key] = typed.trim();
    else changes[key] = typed;
  }
  return changes as UpdateContactRequest;
}

export interface FieldProblem {
  key: ContactFieldKey;
  text: string;
}

const DEAL_VALUE = new RegExp(DEAL_VALUE_PATTERN);
const CURRENCY = new RegExp(CURRENCY_PATTERN);

/** Problems found before sending (formats the server would refuse with a less friendly line). */
export function draftProblems(changes: UpdateContactRequest, contact: Contact | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (contact === null && !changes.email) problems.push({ key: 'email', text: 'Email: needed to save a new contact.' });
  if (changes.dealValue && !DEAL_VALUE.test(changes.dealValue)) problems.push({ key: 'dealValue', text: 'Deal value: digits with an optional decimal point, e.g. 1250.50.' });
  if (changes.currency && !CURRENCY.test(changes.currency)) problems.push({ key: 'currency', text: 'Currency: three letters, e.g. EUR.' });
  return problems;
}

/** The field a server refusal is about, when it names one: codes first, then "field: why" details. */
export function fieldOfError<K extends string>(code: ErrorCode, detail: string | null, keys: readonly K[]): K | null {
  if (code === 'contact_email_taken' || code === 'contact_already_linked') return keys.find((key) => key === 'email') ?? null;
  if (code !== 'validation_failed' || !detail) return null;
  // Domain checks say "email: not an email address"; schema checks "body/dealValue must match …".
  const named = /^(?:body\/)?([A-Za-z]+)/.exec(detail)?.[1];
  return keys.find((key) => key === named) ?? null;
}
