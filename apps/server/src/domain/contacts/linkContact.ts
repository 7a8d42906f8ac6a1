/**
 * Becoming a contact (W9 email capture, and the contact side of identify): a visitor whose email
 * belongs to an existing contact is linked to it, and so are its conversations (a contact's
 * conversations are those of its visitors); otherwise a contact is made. Emails match whatever
 * their case. The unique index on (workspace, lower-cased email) decides races: an insert that
 * loses does nothing and the winner's row is read, so two tabs or two nodes never make two.
 *
 * A captured email is not proof of identity: it links the visitor for the team's benefit but never
 * changes the contact, never shows the visitor anything of it, and never replaces a link that
 * came from a verified identity.
 */
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { inTransaction } from '../../events/unitOfWork.js';
import type { ContactRow, VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { limitContextUpdate } from '../limits/writeLimits.js';
import { CONTACT_LIMITS } from '@parley/protocol';
import { cleanEmail, cleanText, emailKey, searchText } from './contactFields.js';
import { announceContact, announceVisitorChats } from './contactFeed.js';

export interface NewContactFields {
  email: string | null;
  firstName?: string | null;
  lastName?: string | null;
  externalId?: string | null;
}

/** The contact with this email in the workspace (any case), if one exists. */
export function contactByEmail(uow: Pick<UnitOfWork, 'trx'>, workspaceId: number, email: string): Promise<ContactRow | undefined> {
  return uow.trx.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('email_key', '=', emailKey(email)).executeTakeFirst();
}

/** Finds the contact with `email`, or makes it; safe against concurrent creates of the same email. */
export async function findOrCreateByEmail(uow: UnitOfWork, workspaceId: number, fields: NewContactFields & { email: string }): Promise<ContactRow> {
  const existing = await contactByEmail(uow, workspaceId, fields.email);
  if (existing) return existing;
  const values = newContactValues(uow.now, workspaceId, fields);
  await uow.trx
    .insertInto('contacts')
    .values(values)
    .onConflict((oc) => oc.columns(['workspace_id', 'email_key']).where('email_key', 'is not', null).doNothing())
    .execute();
  return (await contactByEmail(uow, workspaceId, fields.email))!;
}

export function newContactValues(now: number, workspaceId: number, fields: NewContactFields) {
  const first_name = fields.firstName ?? null;
  const last_name = fields.lastName ?? null;
  return {
    workspace_id: workspaceId,
    first_name,
    last_name,
    email: fields.email,
    email_key: fields.email === null ? null : emailKey(fields.email),
    external_id: fields.externalId ?? null,
    phone: null,
    organization_name: null,
    organization_address: null,
    owner_user_id: null,
    note: null,
    deal_value: null,
    currency: null,
    expected_close_date: null,
    search_text: searchText({ first_name, last_name, email: fields.email, phone: null }),
    created_at: now,
    updated_at: now,
  };
}

/** Links the visitor to the contact (its conversations follow) and tells the inbox. */
export async function linkVisitor(uow: UnitOfWork, visitorId: number, contactId: number, verified: boolean): Promise<void> {
  await uow.trx.updateTable('visitors').set({ contact_id: contactId, identity_verified: verified ? 1 : 0 }).where('id', '=', visitorId).execute();
  // W10: the consents this visitor gave belong to the contact from now on.
  await uow.trx.updateTable('consents').set({ contact_id: contactId }).where('visitor_id', '=', visitorId).execute();
  await announceContact(uow, contactId);
  await announceVisitorChats(uow, visitorId);
}

/**
 * W9: the visitor typed a valid email. Answers nothing about the contact: the widget only learns
 * that the email was taken.
 */
export async function captureEmail(ctx: AppContext, visitor: VisitorRow, input: { email: string; name?: string }): Promise<void> {
  limitContextUpdate(ctx, visitor.id);
  const email = cleanEmail('email', input.email);
  if (email === null) throw new DomainError('validation_failed', 'email: required');
  const name = cleanText('name', input.name, CONTACT_LIMITS.nameMaxLength);
  await inTransaction(ctx, async (uow) => {
    const current = await uow.trx.selectFrom('visitors').select(['contact_id', 'identity_verified']).where('id', '=', visitor.id).executeTakeFirstOrThrow();
    if (name !== null) await uow.trx.updateTable('visitors').set({ name }).where('id', '=', visitor.id).execute();
    // A verified identity outranks whatever is typed into the chat.
    if (current.identity_verified === 1) return;
    const contact = await findOrCreateByEmail(uow, visitor.workspace_id, { email, firstName: name });
    if (current.contact_id !== null && Number(current.contact_id) === Number(contact.id)) return;
    await linkVisitor(uow, visitor.id, Number(contact.id), false);
  });
}
