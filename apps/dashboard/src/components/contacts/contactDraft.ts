/**
 * The contact form's draft: every field as typed (strings), custom properties as rows, and the
 * PATCH body it becomes — only the fields that changed, blanks sent as null (the server clears).
 */
import type { Contact, UpdateContactRequest } from '@parley/protocol';

export interface PropertyRow {
  key: string;
  value: string;
}

export interface ContactDraft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  organizationName: string;
  organizationAddress: string;
  /** A user id as a string; '' = no owner. */
  ownerId: string;
  note: string;
  dealValue: string;
  currency: string;
  expectedCloseDate: string;
  properties: PropertyRow[];
}

type TextKey = Exclude<keyof ContactDraft, 'properties' | 'ownerId'>;

export function draftOf(contact: Contact): ContactDraft {
  return {
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    organizationName: contact.organization.name ?? '',
    organizationAddress: contact.organization.address ?? '',
    ownerId: contact.ownerId === null ? '' : String(contact.ownerId),
    note: contact.note ?? '',
    dealValue: contact.dealValue ?? '',
    currency: contact.currency ?? '',
    expectedCloseDate: contact.expectedCloseDate ?? '',
    properties: Object.entries(contact.properties).map(([key, value]) => ({ key, value })),
  };
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

const TEXT_KEYS: readonly TextKey[] = ['firstName', 'lastName', 'email', 'phone', 'organizationName', 'organizationAddress', 'note', 'dealValue', 'currency', 'expectedCloseDate'];

/** What to PATCH: null when nothing changed. Text is sent exactly as typed (never trimmed). */
export function changesOf(contact: Contact, draft: ContactDraft): UpdateContactRequest | null {
  const before = draftOf(contact);
  const body: UpdateContactRequest = {};
  for (const key of TEXT_KEYS) {
    if (draft[key] !== before[key]) body[key] = draft[key] === '' ? null : draft[key];
  }
  if (draft.ownerId !== before.ownerId) body.ownerId = draft.ownerId === '' ? null : Number(draft.ownerId);
  const properties = propertiesOf(draft.properties);
  if (JSON.stringify(properties) !== JSON.stringify(contact.properties)) body.properties = properties;
  return Object.keys(body).length > 0 ? body : null;
}
