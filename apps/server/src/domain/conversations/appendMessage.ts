/**
 * Appends one message inside a unit of work: takes the next per-conversation sequence number
 * (the conversation row update serializes writers of one conversation), stores the message and
 * emits `message.created` plus `conversation.updated` so lists re-sort live.
 */
import { LIMITS, type Message, type MessageNotice } from '@parley/protocol';
import { sql } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { DomainError } from '../errors.js';
import { attachmentColumns, recordAttachment } from '../attachments/attachmentRecords.js';
import type { NewAttachment } from '../attachments/storedAttachment.js';
import { loadSummary, messageQuery, toMessage } from './presenters.js';

export type Author =
  | { kind: 'visitor'; visitorId: number }
  | { kind: 'user'; userId: number }
  | { kind: 'bot' | 'system'; name: string };

export interface NewMessage {
  author: Author;
  body: string;
  clientMessageId?: string | null;
  /** What a system line means, for the widget to word in the chatflow's language (W16). */
  notice?: MessageNotice | null;
  /** An internal note (users only): never reaches the visitor; see storeMessage and toFeedRow. */
  internal?: boolean;
  /** A file sent as this message (W12, I6); its bytes are already stored under its key. */
  attachment?: NewAttachment;
}

/** Edge validation shared by HTTP and sockets; the body is stored exactly as sent. */
export function validateBody(body: string): void {
  if (body.trim().length === 0) throw new DomainError('message_empty');
  if ([...body].length > LIMITS.messageMaxLength) {
    throw new DomainError('message_too_long', `at most ${LIMITS.messageMaxLength} characters`);
  }
}

export function dedupeKey(author: Author, clientMessageId: string | null | undefined): string | null {
  if (!clientMessageId) return null;
  if (author.kind === 'visitor') return `v${author.visitorId}:${clientMessageId}`;
  if (author.kind === 'user') return `u${author.userId}:${clientMessageId}`;
  return null;
}

export async function appendMessage(uow: UnitOfWork, conversationId: number, input: NewMessage): Promise<Message> {
  const conversation = await bumpConversation(uow, input, { id: conversationId });
  if (!conversation) throw new DomainError('not_found');
  return storeMessage(uow, conversation, input);
}

/**
 * A visitor's message to its open conversation on a site, found and bumped in one statement (the
 * hot path: most messages go to a chat that is already open). Null when there is none.
 */
export async function appendToOpenConversation(
  uow: UnitOfWork,
  visitor: { id: number; site_id: number },
  input: NewMessage,
): Promise<Message | null> {
  const conversation = await bumpConversation(uow, input, { visitorId: visitor.id, siteId: visitor.site_id });
  return conversation ? storeMessage(uow, conversation, input) : null;
}

type ConversationTarget = { id: number } | { visitorId: number; siteId: number };

/**
 * Takes the next per-conversation sequence number and marks the activity; the row update also
 * serializes writers of one conversation.
 */
async function bumpConversation(uow: UnitOfWork, input: NewMessage, target: ConversationTarget) {
  const { trx, now } = uow;
  // A note is not said to the visitor: it is not the first reply (the visitor still waits) and
  // does not keep the chat alive (R4 measures the silence between visitor and users).
  const isNote = input.internal === true;
  const isAgentReply = input.author.kind === 'user' && !isNote;
  // Bot and system lines (welcome, fallback, "joined") do not keep a chat alive (R4).
  const isParticipant = (input.author.kind === 'user' || input.author.kind === 'visitor') && !isNote;
  let query = trx.updateTable('conversations').set({
    last_seq: sql<number>`last_seq + 1`,
    version: sql<number>`version + 1`,
    updated_at: now,
    last_message_at: now,
    last_activity_at: isParticipant ? now : sql<number | null>`last_activity_at`,
    first_agent_reply_at: isAgentReply ? sql<number | null>`coalesce(first_agent_reply_at, ${now})` : sql<number | null>`first_agent_reply_at`,
  });
  query =
    'id' in target
      ? query.where('id', '=', target.id)
      : query.where('visitor_id', '=', target.visitorId).where('site_id', '=', target.siteId).where('status', '=', 'open');
  return query.returning(['id', 'last_seq', 'workspace_id']).executeTakeFirst();
}

async function storeMessage(uow: UnitOfWork, conversation: { id: number; last_seq: number; workspace_id: number }, input: NewMessage): Promise<Message> {
  const { trx, now } = uow;
  const author = input.author;
  const attachmentId = input.attachment ? await recordAttachment(uow, conversation, input.attachment, input.internal === true) : null;
  const row = await trx
    .insertInto('messages')
    .values({
      conversation_id: conversation.id,
      seq: conversation.last_seq,
      author_kind: author.kind,
      author_user_id: author.kind === 'user' ? author.userId : null,
      author_visitor_id: author.kind === 'visitor' ? author.visitorId : null,
      author_name: author.kind === 'bot' || author.kind === 'system' ? author.name : null,
      body: input.body,
      client_message_id: input.clientMessageId ?? null,
      dedupe_key: dedupeKey(author, input.clientMessageId),
      notice: input.notice ? JSON.stringify(input.notice) : null,
      // Only users write notes; a visitor's flag never gets this far, this is the last guard.
      internal: input.internal === true && author.kind === 'user' ? 1 : 0,
      attachment_id: attachmentId,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const summary = await loadSummary(trx, conversation.id);
  // The summary already names the conversation's visitor, who is the only visitor that writes
  // in it; only a user author needs a lookup.
  const user = author.kind === 'user' ? await trx.selectFrom('users').select(['name', 'avatar_url']).where('id', '=', author.userId).executeTakeFirst() : undefined;
  const message = toMessage({ ...row, user_name: user?.name ?? null, user_avatar_url: user?.avatar_url ?? null, visitor_name: author.kind === 'visitor' ? summary.visitor.name : null, ...attachmentColumns(input.attachment) });
  uow.emit({ type: 'message.created', workspaceId: conversation.workspace_id, message, conversation: summary });
  uow.emit({ type: 'conversation.updated', workspaceId: conversation.workspace_id, conversation: summary });
  return message;
}

/** The message already stored under this sender's client message id, if any. */
export async function findByDedupeKey(uow: Pick<UnitOfWork, 'trx'>, key: string | null): Promise<Message | null> {
  if (!key) return null;
  const row = await messageQuery(uow.trx).where('messages.dedupe_key', '=', key).executeTakeFirst();
  return row ? toMessage(row) : null;
}
