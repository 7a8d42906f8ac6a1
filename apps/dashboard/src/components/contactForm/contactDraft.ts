/**
 * The contact form as data, shared by the conversation sidebar and the Contacts page: which fields
 * it has (their labels are the accessible names tests rely on: "Email", "Phone", "Organization"),
 * what a draft changes, checks made before anything is sent, and which field a server error
 * belongs to. Custom properties are edited as rows (the page's form only).
 */
import { CONTACT_LIMITS, CURRENCY_PATTERN, DEAL_VALUE_PATTERN, type Contact, type ErrorCode, type UpdateContactRequest } from '@parley/protocol';

export type ContactFieldKey = Exclude<keyof UpdateContactRequest, 'properties'>;

export interface ContactFieldSpec {
  key: ContactFieldKey;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'date' | 'multiline' | 'owner' | 'money' | 'currency';
  maxLength?: number;
  hint?: string;
}

const L = CONTACT_LIMITS;

export const CONTACT_FIELDS: readonly ContactFieldSpec[] = [
  { key: 'firstName', label: 'First name', kind: 'text', maxLength: L.nameMaxLength },
  { key: 'lastName', label: 'Last name', kind: 'text', maxLength: L.nameMaxLength },
  { key: 'email', label: 'Email', kind: 'email', maxLength: L.emailMaxLength },
  { key: 'phone', label: 'Phone', kind: 'tel', maxLength: L.phoneMaxLength },
  { key: 'organizationName', label: 'Organization', kind: 'text', maxLength: L.organizationMaxLength },
  { key: 'organizationAddress', label: 'Address', kind: 'multiline', maxLength: L.addressMaxLength },
  { key: 'ownerId', label: 'Owner', kind: 'owner' },
  { key: 'note', label: 'Note', kind: 'multiline', maxLength: L.noteMaxLength },
  { key: 'dealValue', label: 'Deal value', kind: 'money', maxLength: 20, hint: 'A number such as 1250.50' },
  { key: 'currency', label: 'Currency', kind: 'currency', maxLength: 3, hint: 'Three letters, e.g. EUR' },
  { key: 'expectedCloseDate', label: 'Expected close date', kind: 'date' },
];

export interface PropertyRow {
  key: string;
  value: string;
}

/**
 * Edited fields only, as typed; everything else shows the contact as it is now (also live).
 * `properties` stays undefined until a property row is edited.
 */
export type ContactDraft = Partial<Record<ContactFieldKey, string>> & { properties?: PropertyRow[] };

/** A field's value as the form shows it ("" for none). */
export function contactValue(contact: Contact | null, key: ContactFieldKey): string {
  if (!contact) return '';
  const value: string | number | null =
    key === 'organizationName' ? contact.organization.name : key === 'organizationAddress' ? contact.organization.address : key === 'ownerId' ? contact.ownerId : contact[key];
  return value === null ? '' : String(value);
}

export function propertyRowsOf(contact: Contact | null): PropertyRow[] {
  return Object.entries(contact?.properties ?? {}).map(([key, value]) => ({ key, value }));
}

/** Rows with a blank key are dropped (an empty row is how a new property starts). */
export function propertiesOf(rows: readonly PropertyRow[]): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const { key, value } of rows) if (key.trim() !== '') properties[key] = value;
  return properties;
}

/** Keys given twice: the second would silently replace the first, so the form refuses them. */
export function duplicateKeys(rows: readonly PropertyRow[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { key } of rows) {
    if (key.trim() === '') continue;
    if (seen.has(key)) twice.add(key);
    seen.add(key);
  }
  return [...twice];
}

/**
 * What the draft changes (the PATCH body): "" (or only spaces) clears, other text is sent as typed,
 * the owner is an id, currencies are upper case; properties as a whole object when they differ.
 */
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
  const body = changes as UpdateContactRequest;
  if (draft.properties !== undefined) {
    const properties = propertiesOf(draft.properties);
    if (JSON.stringify(properties) !== JSON.stringify(contact?.properties ?? {})) body.properties = properties;
  }
  return body;
}

export interface FieldProblem {
  key: ContactFieldKey | 'properties';
  text: string;
}

const DEAL_VALUE = new RegExp(DEAL_VALUE_PATTERN);
const CURRENCY = new RegExp(CURRENCY_PATTERN);

/** Problems found before sending (formats the server would refuse with a less friendly line). */
export function draftProblems(draft: ContactDraft, contact: Contact | null): FieldProblem[] {
  const changes = changesFrom(draft, contact);
  const problems: FieldProblem[] = [];
  if (contact === null && !changes.email) problems.push({ key: 'email', text: 'Email: needed to save a new contact.' });
  if (changes.dealValue && !DEAL_VALUE.test(changes.dealValue)) problems.push({ key: 'dealValue', text: 'Deal value: digits with an optional decimal point, e.g. 1250.50.' });
  if (changes.currency && !CURRENCY.test(changes.currency)) problems.push({ key: 'currency', text: 'Currency: three letters, e.g. EUR.' });
  const twice = duplicateKeys(draft.properties ?? []);
  if (twice.length > 0) problems.push({ key: 'properties', text: `Each property name once: ${twice.join(', ')} is given twice.` });
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

/** "email: not an email address" → "not an email address" (the label says which field). */
export function detailText(detail: string): string {
  return detail.replace(/^(?:body\/)?[A-Za-z]+:?\s*/, '');
}
