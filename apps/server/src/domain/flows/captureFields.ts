/**
 * W8 capture card: what the visitor typed, checked field by field on the server (every field the
 * card asks for is required), then written to the visitor's contact. An email finds or makes the
 * contact with that email (the rule of W9 email capture); without one the visitor's own contact
 * is used, or a new one without email is made. A typed detail fills only what the contact lacks:
 * like a captured email it proves nothing, so it never overwrites what the team knows.
 */
import { captureFieldLabel } from '@parley/chatflow';
import { CAPTURE_BUILTIN_FIELDS, CONTACT_LIMITS, type CaptureField, type ChatflowLanguage } from '@parley/protocol';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import type { ContactRow } from '../../storage/schema.js';
import { DomainError } from '../errors.js';
import { cleanEmail, cleanText, parseProperties, searchText } from '../contacts/contactFields.js';
import { findOrCreateByEmail, linkVisitor, newContactValues } from '../contacts/linkContact.js';
import { announceContact } from '../contacts/contactFeed.js';

export type CapturedValues = Map<CaptureField, string>;

const BUILTIN: readonly string[] = CAPTURE_BUILTIN_FIELDS;

/** The card's fields from what was sent: each required, each checked; validation_failed names the field. */
export function cleanCapture(fields: readonly CaptureField[], sent: Record<string, string>): CapturedValues {
  const values: CapturedValues = new Map();
  for (const field of fields) {
    const raw = Object.prototype.hasOwnProperty.call(sent, field) ? sent[field] : undefined;
    if (raw === undefined || raw.trim() === '') throw new DomainError('validation_failed', `${field}: required`);
    const value = raw.trim();
    const clean =
      field === 'email'
        ? cleanEmail(field, value)
        : cleanText(field, value, field === 'phone' ? CONTACT_LIMITS.phoneMaxLength : BUILTIN.includes(field) ? CONTACT_LIMITS.nameMaxLength : CONTACT_LIMITS.propertyValueMaxLength);
    values.set(field, clean!);
  }
  return values;
}

/**
 * "Email: a@b.example", one line per field: the visitor's line in the thread. The visitor reads it
 * as their own message, so the fields are named in the chatflow's language, as the form named them.
 */
export function captureLine(values: CapturedValues, language: ChatflowLanguage): string {
  return [...values].map(([field, value]) => `${captureFieldLabel(language, field)}: ${value}`).join('\n');
}

/** Writes the captured details to the visitor's contact (found, or made); answers the contact id. */
export async function applyCapture(uow: UnitOfWork, visitorId: number, workspaceId: number, values: CapturedValues): Promise<number> {
  const visitor = await uow.trx.selectFrom('visitors').select(['contact_id', 'identity_verified']).where('id', '=', visitorId).executeTakeFirstOrThrow();
  const email = values.get('email');
  let contact: ContactRow | undefined;
  if (visitor.contact_id !== null && (visitor.identity_verified === 1 || email === undefined)) {
    contact = await uow.trx.selectFrom('contacts').selectAll().where('id', '=', visitor.contact_id).executeTakeFirst();
  }
  if (!contact && email !== undefined) {
    contact = await findOrCreateByEmail(uow, workspaceId, { email, firstName: values.get('firstName') ?? null, lastName: values.get('lastName') ?? null });
  }
  if (!contact) {
    const row = await uow.trx.insertInto('contacts').values(newContactValues(uow.now, workspaceId, { email: null })).returning('id').executeTakeFirstOrThrow();
    contact = await uow.trx.selectFrom('contacts').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  }
  const contactId = Number(contact.id);
  await fillContact(uow, contact, values);
  if (visitor.contact_id === null || Number(visitor.contact_id) !== contactId) await linkVisitor(uow, visitorId, contactId, false);
  else await announceContact(uow, contactId);
  return contactId;
}

async function fillContact(uow: UnitOfWork, contact: ContactRow, values: CapturedValues): Promise<void> {
  const set: { first_name?: string; last_name?: string; phone?: string; organization_name?: string } = {};
  const fill = (column: keyof typeof set, current: string | null, value: string | undefined) => {
    if (value !== undefined && (current === null || current === '')) set[column] = value;
  };
  fill('first_name', contact.first_name, values.get('firstName'));
  fill('last_name', contact.last_name, values.get('lastName'));
  fill('phone', contact.phone, values.get('phone'));
  fill('organization_name', contact.organization_name, values.get('company'));
  const properties = parseProperties(contact.properties);
  let propertiesChanged = false;
  for (const [field, value] of values) {
    if (BUILTIN.includes(field) || (properties[field] ?? '') !== '') continue;
    Object.defineProperty(properties, field, { value, enumerable: true, writable: true, configurable: true });
    propertiesChanged = true;
  }
  if (Object.keys(set).length === 0 && !propertiesChanged) return;
  const merged = { ...contact, ...set };
  await uow.trx
    .updateTable('contacts')
    .set({ ...set, ...(propertiesChanged ? { properties: JSON.stringify(properties) } : {}), search_text: searchText(merged), updated_at: uow.now })
    .where('id', '=', contact.id)
    .execute();
}
