/**
 * Who may read and change a contact (issue 10, on top of I3). A contact is as private as its
 * conversations: admins may read every contact of their workspace; an agent may read (and edit)
 * a contact when they may open at least one of its conversations (canReadConversation). A contact
 * with no conversation yet (an email captured before the first message, a contact kept after its
 * chats were deleted by retention) carries no chat content, so every agent of the workspace may
 * read it. In short: an agent is refused exactly when every one of the contact's conversations is
 * an open one assigned to someone else.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, UserRow } from '../../storage/schema.js';
import { canReadConversation, readableConversationsSql } from '../conversations/policies.js';
import { DomainError } from '../errors.js';
import type { ConversationRefRow } from './contactPresenters.js';

type Actor = Pick<UserRow, 'id' | 'role' | 'workspace_id'>;

/** The contact's conversations: those of every visitor linked to it, newest first. */
export function contactConversations(db: Kysely<Database>, contactId: number): Promise<ConversationRefRow[]> {
  return db
    .selectFrom('conversations')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .select(['conversations.id', 'conversations.workspace_id', 'conversations.status', 'conversations.assignee_id', 'conversations.created_at', 'conversations.last_message_at'])
    .where('visitors.contact_id', '=', contactId)
    .orderBy('conversations.id', 'desc')
    .execute();
}

export function canReadContact(user: Actor, contact: { workspace_id: number }, conversations: ConversationRefRow[]): boolean {
  if (contact.workspace_id !== user.workspace_id) return false;
  if (user.role === 'admin' || conversations.length === 0) return true;
  return conversations.some((conversation) => canReadConversation(user, conversation));
}

/** Loads the contact for a user, or not_found / forbidden like a conversation would. */
export async function loadReadableContact(db: Kysely<Database>, user: Actor, contactId: number) {
  const contact = await db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
  if (!contact || contact.workspace_id !== user.workspace_id) throw new DomainError('not_found');
  const conversations = await contactConversations(db, contactId);
  if (!canReadContact(user, contact, conversations)) throw new DomainError('forbidden', 'every conversation of this contact is assigned to another user');
  return { contact, conversations };
}

/** canReadContact as a SQL condition on `contacts` under `alias` (lists and search). Keep in step. */
export function readableContactsSql(user: Actor, alias: string): RawBuilder<boolean> {
  const id = sql.ref(`${alias}.id`);
  const workspace = sql<boolean>`${sql.ref(`${alias}.workspace_id`)} = ${user.workspace_id}`;
  if (user.role === 'admin') return workspace;
  const ofContact = sql`from conversations rc join visitors rv on rv.id = rc.visitor_id where rv.contact_id = ${id}`;
  return sql<boolean>`(${workspace} and (not exists (select 1 ${ofContact}) or exists (select 1 ${ofContact} and ${readableConversationsSql(user, 'rc')})))`;
}

/**
 * Who gets a live event about this contact: null (everyone) when any user may read it, else one
 * row per assignee of its open chats (admins see every row anyway).
 */
export function contactAudiences(conversations: ConversationRefRow[]): Array<number | null> {
  if (conversations.length === 0 || conversations.some((c) => c.status === 'closed' || c.assignee_id === null)) return [null];
  return [...new Set(conversations.map((c) => Number(c.assignee_id)))];
}
