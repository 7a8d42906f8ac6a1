/**
 * W15 `Parley.identify({ id, email, name, hash })` from the widget.
 *
 * - With a hash that matches (identityHash.ts): the visitor is linked, verified, to the contact
 *   with external id `id` (made if new; its email and name updated from the call), and from then
 *   on sees that contact's conversations from any device (history.ts) and may set its properties.
 *   On a second device it also gets a token of the contact's first visitor on the site, to carry
 *   on in the same conversations.
 * - Without a hash on a site that does not require one: the name and email are kept as the
 *   visitor's own unverified info (name, `email` property) and no contact is linked, revealed or
 *   changed — anyone can call identify() with anyone's email.
 * - Refused, with nothing changed or revealed: a wrong hash (identity_hash_invalid), no hash where
 *   the site requires one (identity_verification_required), and a valid hash for id A with an
 *   email that belongs to another contact B (identity_conflict): the hash vouches for the id only.
 */
import { CONTACT_LIMITS, type IdentifyResponse } from '@parley/protocol';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { ContactRow, VisitorRow } from '../../storage/schema.js';
import { hashToken, newToken } from '../auth/secrets.js';
import { cleanEmail, cleanText, emailKey, searchText } from '../contacts/contactFields.js';
import { announceVisitorChats } from '../contacts/contactFeed.js';
import { contactByEmail, linkVisitor, newContactValues } from '../contacts/linkContact.js';
import { contactDisplayName } from '../contacts/contactPresenters.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { mergeContext, parseContext } from '../visitors/visitorContext.js';
import { limitContextUpdate } from '../limits/writeLimits.js';
import { isValidIdentityHash } from './identityHash.js';

export interface IdentifyInput {
  id: string;
  email?: string;
  name?: string;
  hash?: string;
}

export async function identifyVisitor(ctx: AppContext, visitor: VisitorRow, input: IdentifyInput): Promise<IdentifyResponse> {
  limitContextUpdate(ctx, visitor.id);
  const externalId = cleanText('id', input.id, CONTACT_LIMITS.externalIdMaxLength);
  if (externalId === null) throw new DomainError('validation_failed', 'id: required');
  const email = cleanEmail('email', input.email);
  const name = cleanText('name', input.name, CONTACT_LIMITS.nameMaxLength);
  const site = await ctx.storage.db.selectFrom('sites').select(['secret', 'require_identity_verification']).where('id', '=', visitor.site_id).executeTakeFirstOrThrow();

  if (input.hash === undefined || input.hash === '') {
    if (site.require_identity_verification === 1) throw new DomainError('identity_verification_required');
    await inTransaction(ctx, (uow) => storeUnverified(uow, visitor.id, { email, name }));
    return { status: 'unverified' };
  }
  if (!isValidIdentityHash(site.secret, externalId, input.hash)) throw new DomainError('identity_hash_invalid');

  try {
    return await inTransaction(ctx, async (uow) => {
      const contact = await verifiedContact(uow, visitor.workspace_id, { externalId, email, name });
      if (name !== null) await uow.trx.updateTable('visitors').set({ name }).where('id', '=', visitor.id).execute();
      await linkVisitor(uow, visitor.id, Number(contact.id), true);
      return { status: 'verified' as const, ...(await firstDeviceToken(uow, visitor, Number(contact.id))) };
    });
  } catch (error) {
    // A concurrent create took the email or the external id first: nothing of ours committed.
    if (ctx.storage.driver.isUniqueViolation(error)) throw new DomainError('identity_conflict');
    throw error;
  }
}

/**
 * When the contact already has a verified visitor on this site (another device), a new token for
 * that visitor: the widget switches to it and carries on with the same conversations. Nothing when
 * this visitor is the first.
 */
async function firstDeviceToken(uow: UnitOfWork, visitor: VisitorRow, contactId: number): Promise<{ visitorId: number; visitorToken: string } | Record<string, never>> {
  const first = await uow.trx
    .selectFrom('visitors')
    .select('id')
    .where('contact_id', '=', contactId)
    .where('identity_verified', '=', 1)
    .where('site_id', '=', visitor.site_id)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!first || Number(first.id) === visitor.id) return {};
  const visitorToken = newToken();
  // One token per device: identify() on every page load replaces it rather than piling them up.
  await uow.trx.deleteFrom('visitor_tokens').where('for_visitor_id', '=', visitor.id).execute();
  await uow.trx.insertInto('visitor_tokens').values({ visitor_id: first.id, token_hash: hashToken(visitorToken), for_visitor_id: visitor.id, created_at: uow.now }).execute();
  return { visitorId: Number(first.id), visitorToken };
}

/** The visitor's own info only: its name and an `email` property. Never a contact. */
async function storeUnverified(uow: UnitOfWork, visitorId: number, info: { email: string | null; name: string | null }): Promise<void> {
  const row = await uow.trx.selectFrom('visitors').select(['context', 'name']).where('id', '=', visitorId).executeTakeFirstOrThrow();
  const context = parseContext(row.context);
  const properties = info.email === null ? context.properties : { ...context.properties, email: info.email };
  const next = JSON.stringify(mergeContext(context, { properties }, undefined));
  if (next === row.context && (info.name === null || info.name === row.name)) return;
  await uow.trx
    .updateTable('visitors')
    .set({ context: next, ...(info.name !== null ? { name: info.name } : {}) })
    .where('id', '=', visitorId)
    .execute();
  await announceVisitorChats(uow, visitorId);
}

/** The contact with this external id, made or brought up to date; refused when the email is someone else's. */
async function verifiedContact(uow: UnitOfWork, workspaceId: number, input: { externalId: string; email: string | null; name: string | null }): Promise<ContactRow> {
  const { trx, now } = uow;
  const byExternalId = () => trx.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('external_id', '=', input.externalId).executeTakeFirst();
  let contact = await byExternalId();
  const emailOwner = input.email === null ? undefined : await contactByEmail(uow, workspaceId, input.email);
  if (emailOwner && (!contact || Number(emailOwner.id) !== Number(contact.id))) throw new DomainError('identity_conflict');

  if (!contact) {
    await trx
      .insertInto('contacts')
      .values(newContactValues(now, workspaceId, { email: input.email, firstName: input.name, externalId: input.externalId }))
      .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).where('external_id', 'is not', null).doNothing())
      .execute();
    contact = (await byExternalId())!;
    // Lost a race to another device of the same user: the winner's row stands; check its email again.
    if (input.email !== null && contact.email_key !== emailKey(input.email)) return updateFromIdentity(uow, contact, input);
    return contact;
  }
  return updateFromIdentity(uow, contact, input);
}

async function updateFromIdentity(uow: UnitOfWork, contact: ContactRow, input: { email: string | null; name: string | null }): Promise<ContactRow> {
  const set: Partial<Pick<ContactRow, 'email' | 'email_key' | 'first_name' | 'last_name'>> = {};
  if (input.email !== null && input.email !== contact.email) Object.assign(set, { email: input.email, email_key: emailKey(input.email) });
  // A name is one string here; it replaces the stored one only when it differs from "first last".
  if (input.name !== null && input.name !== contactDisplayName({ ...contact, email: null })) Object.assign(set, { first_name: input.name, last_name: null });
  if (Object.keys(set).length === 0) return contact;
  const merged = { ...contact, ...set };
  return uow.trx.updateTable('contacts').set({ ...set, search_text: searchText(merged), updated_at: uow.now }).where('id', '=', contact.id).returningAll().executeTakeFirstOrThrow();
}
