/**
 * A10 export: one contact's data as JSON — the contact, every conversation with all its messages
 * (internal notes included: they are about the person too), the whole timeline and the leads and
 * deals and the consents (W10). Admins only, like erasure, since it covers conversations agents may not open.
 */
import type { ContactExport } from '@parley/protocol';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { loadMessages } from '../conversations/queries.js';
import { DomainError } from '../errors.js';
import { leadsOfContact } from '../leads/leadQueries.js';
import { assertDataRightsAdmin } from './deleteContact.js';
import { contactConversations } from './contactPolicies.js';
import { toContact, toContactEvent, toConversationRef } from './contactPresenters.js';
import { consentsOfContact } from '../consents/consentRecords.js';

export async function exportContact(ctx: AppContext, user: UserRow, contactId: number): Promise<ContactExport> {
  assertDataRightsAdmin(user);
  const db = ctx.storage.db;
  const contact = await db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
  if (!contact || contact.workspace_id !== user.workspace_id) throw new DomainError('not_found');
  const conversations = await contactConversations(db, contactId);
  const events = await db
    .selectFrom('contact_events')
    .innerJoin('visitors', 'visitors.id', 'contact_events.visitor_id')
    .selectAll('contact_events')
    .where('visitors.contact_id', '=', contactId)
    .orderBy('contact_events.created_at')
    .orderBy('contact_events.id')
    .execute();
  return {
    exportedAt: ctx.clock(),
    contact: toContact(contact),
    conversations: await Promise.all(conversations.map(async (c) => ({ conversation: toConversationRef(c), messages: await loadMessages(db, Number(c.id)) }))),
    events: events.map(toContactEvent),
    leads: await leadsOfContact(db, contactId),
    consents: await consentsOfContact(db, contactId),
  };
}
