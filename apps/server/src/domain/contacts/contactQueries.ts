/**
 * Contact reads: the list and search (name, email, phone), one contact with its conversations,
 * timeline and leads, and the contact of a conversation (the I7 sidebar). Every read applies the
 * contact read rule (contactPolicies.ts).
 */
import { CONTACT_LIMITS, type Contact, type ContactDetailResponse, type ContactEvent, type ConversationContactResponse } from '@parley/protocol';
import { sql, type Kysely } from 'kysely';
import type { ContactRow, Database, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { loadConversationRow } from '../conversations/loadConversation.js';
import { assertCanRead, canReadConversation } from '../conversations/policies.js';
import { leadsOfContact } from '../leads/leadQueries.js';
import { contactTerms, containsPattern } from '../search/terms.js';
import { contactConversations, loadReadableContact, readableContactsSql } from './contactPolicies.js';
import { toContact, toContactEvent, toConversationRef } from './contactPresenters.js';

const TIMELINE_MAX = 200;

/** Newest first; with a query, contacts whose name, email or phone contain every piece of it. */
export async function listContacts(ctx: AppContext, user: UserRow, query: string | undefined, limit: number = CONTACT_LIMITS.listMaxRows): Promise<Contact[]> {
  const pieces = contactTerms((query ?? '').replace(/\p{Cc}/gu, ' '));
  const matches = pieces.map((piece) => sql<boolean>`c.search_text like ${containsPattern(piece)} escape '\\'`);
  const { rows } = await sql<ContactRow>`
    select c.* from contacts c
    where ${readableContactsSql(user, 'c')} ${matches.length > 0 ? sql`and ${sql.join(matches, sql` and `)}` : sql``}
    order by c.updated_at desc, c.id desc
    limit ${Math.min(limit, CONTACT_LIMITS.listMaxRows)}`.execute(ctx.storage.db);
  return rows.map(toContact);
}

export async function contactTimeline(db: Kysely<Database>, contactId: number): Promise<ContactEvent[]> {
  const rows = await db
    .selectFrom('contact_events')
    .innerJoin('visitors', 'visitors.id', 'contact_events.visitor_id')
    .selectAll('contact_events')
    .where('visitors.contact_id', '=', contactId)
    .orderBy('contact_events.created_at', 'desc')
    .orderBy('contact_events.id', 'desc')
    .limit(TIMELINE_MAX)
    .execute();
  return rows.map(toContactEvent);
}

export async function getContactDetail(ctx: AppContext, user: UserRow, contactId: number): Promise<ContactDetailResponse> {
  const { contact, conversations } = await loadReadableContact(ctx.storage.db, user, contactId);
  return {
    contact: toContact(contact),
    // Only the conversations this user may open are listed; the others are not revealed.
    conversations: conversations.filter((c) => canReadConversation(user, c)).map(toConversationRef),
    events: await contactTimeline(ctx.storage.db, contactId),
    leads: await leadsOfContact(ctx.storage.db, contactId),
  };
}

/** The sidebar: whoever may open the conversation sees its contact (null until the visitor is one). */
export async function getConversationContact(ctx: AppContext, user: UserRow, conversationId: number): Promise<ConversationContactResponse> {
  const db = ctx.storage.db;
  const conversation = await loadConversationRow(db, conversationId);
  assertCanRead(user, conversation);
  const visitor = await db.selectFrom('visitors').select(['contact_id']).where('id', '=', conversation.visitor_id).executeTakeFirstOrThrow();
  if (visitor.contact_id === null) {
    const events = await db.selectFrom('contact_events').selectAll().where('visitor_id', '=', conversation.visitor_id).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(TIMELINE_MAX).execute();
    return { contact: null, conversations: [], events: events.map(toContactEvent), leads: [] };
  }
  const contactId = Number(visitor.contact_id);
  const contact = await db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
  const conversations = await contactConversations(db, contactId);
  return {
    contact: toContact(contact),
    conversations: conversations.filter((c) => canReadConversation(user, c)).map(toConversationRef),
    events: await contactTimeline(db, contactId),
    leads: await leadsOfContact(db, contactId),
  };
}
