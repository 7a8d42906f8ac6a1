/**
 * Appends one message inside a unit of work: takes the next per-conversation sequence number
 * (the conversation row update serializes writers of one conversation), stores the message and
 * emits `message.created` plus `conversation.updated` so lists re-sort live.
 */
import { LIMITS, type Message } from '@parley/protocol';
import { sql } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { DomainError } from '../errors.js';
import { loadSummary, messageQuery, toMessage } from './presenters.js';

export type Author =
  | { kind: 'visitor'; visitorId: number }
  | { kind: 'user'; userId: number }
  | { kind: 'bot' | 'system'; name: string };

export interface NewMessage {
  author: Author;
  body: string;
  clientMessageId?: string | null;
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
  const { trx, now } = uow;
  const isAgentReply = input.author.kind === 'user';
  // Bot and system lines (welcome, fallback, "joined") do not keep a chat alive (R4).
  const isParticipant = input.author.kind === 'user' || input.author.kind === 'visitor';
  const conversation = await trx
    .updateTable('conversations')
    .set({
      last_seq: sql<number>`last_seq + 1`,
      version: sql<number>`version + 1`,
      updated_at: now,
      last_message_at: now,
      last_activity_at: isParticipant ? now : sql<number | null>`last_activity_at`,
      first_agent_reply_at: isAgentReply ? sql<number | null>`coalesce(first_agent_reply_at, ${now})` : sql<number | null>`first_agent_reply_at`,
    })
    .where('id', '=', conversationId)
    .returning(['last_seq', 'workspace_id'])
    .executeTakeFirstOrThrow();
  const author = input.author;
  const inserted = await trx
    .insertInto('messages')
    .values({
      conversation_id: conversationId,
      seq: conversation.last_seq,
      author_kind: author.kind,
      author_user_id: author.kind === 'user' ? author.userId : null,
      author_visitor_id: author.kind === 'visitor' ? author.visitorId : null,
      author_name: author.kind === 'bot' || author.kind === 'system' ? author.name : null,
      body: input.body,
      client_message_id: input.clientMessageId ?? null,
      dedupe_key: dedupeKey(author, input.clientMessageId),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const message = toMessage(await messageQuery(trx).where('messages.id', '=', inserted.id).executeTakeFirstOrThrow());
  const summary = await loadSummary(trx, conversationId);
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
