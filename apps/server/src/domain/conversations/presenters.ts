/**
 * Rows → wire models. Summaries and messages are always loaded with the joins below, so the
 * same shape reaches HTTP responses, realtime events and snapshots.
 */
import type { CloseReason, ConversationSummary, Message, MessageNotice, VisitorConversation } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ConversationRow, Database, MessageRow } from '../../storage/schema.js';
import { parseContext } from '../visitors/visitorContext.js';
import { toAttachment, type AttachmentColumns } from '../attachments/attachmentRecords.js';
import { parseValues } from '../ticketProperties/values.js';
import { lastMessageJoin, lastVisitorSeqSql, toLastMessage, type LastMessageColumns } from './listRowFields.js';

export function visitorDisplayName(visitor: { id: number; name: string | null }): string {
  return visitor.name ?? `Visitor ${visitor.id}`;
}

export function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('conversations')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .leftJoin('users as assignee', 'assignee.id', 'conversations.assignee_id')
    .leftJoin('messages as last_message', (join) => join.onRef('last_message.conversation_id', '=', 'conversations.id').on(lastMessageJoin))
    .leftJoin('users as last_user', 'last_user.id', 'last_message.author_user_id')
    .selectAll('conversations')
    .select([
      'visitors.name as visitor_name',
      'visitors.context as visitor_context',
      'visitors.owner_id as visitor_owner_id',
      'assignee.name as assignee_name',
      'assignee.avatar_url as assignee_avatar_url',
      lastVisitorSeqSql.as('last_visitor_seq'),
      'last_message.seq as last_message_seq',
      'last_message.author_kind as last_message_kind',
      'last_message.body as last_message_body',
      'last_message.internal as last_message_internal',
      'last_message.created_at as last_message_created_at',
      'last_message.author_name as last_message_author_name',
      'last_user.name as last_message_user_name',
    ]);
}

/** One conversation as agents see it, read inside or outside a transaction. */
export async function loadSummary(db: Kysely<Database>, conversationId: number): Promise<ConversationSummary> {
  return toSummary(await summaryQuery(db).where('conversations.id', '=', conversationId).executeTakeFirstOrThrow());
}

export type SummaryRow = ConversationRow & {
  visitor_name: string | null;
  visitor_context: string;
  visitor_owner_id: number | null;
  assignee_name: string | null;
  assignee_avatar_url: string | null;
} & LastMessageColumns;

export function toSummary(row: SummaryRow): ConversationSummary {
  const visitorName = visitorDisplayName({ id: row.visitor_id, name: row.visitor_name });
  return {
    id: row.id,
    status: row.status,
    channel: 'chat',
    siteId: row.site_id,
    chatflowId: row.chatflow_id,
    visitor: {
      id: row.visitor_id,
      name: visitorName,
      context: parseContext(row.visitor_context),
      ownerId: row.visitor_owner_id,
    },
    assignee:
      row.assignee_id === null
        ? null
        : { id: row.assignee_id, name: row.assignee_name ?? '', avatarUrl: row.assignee_avatar_url },
    version: row.version,
    lastSeq: row.last_seq,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastMessageAt: row.last_message_at,
    firstAgentReplyAt: row.first_agent_reply_at,
    closedAt: row.closed_at,
    closeReason: row.close_reason as CloseReason | null,
    routingState: row.routing_state,
    queue:
      row.routing_state === 'queued' && row.queue_position !== null
        ? { position: row.queue_position, estimatedWaitSeconds: row.queue_wait_seconds ?? 0 }
        : null,
    missed: row.missed === 1,
    visitorReadSeq: row.visitor_read_seq,
    agentReadSeq: row.agent_read_seq,
    snoozedUntil: row.snoozed_until === null ? null : Number(row.snoozed_until),
    priority: row.priority,
    category: row.category,
    properties: parseValues(row.properties),
    teamId: row.team_id === null ? null : Number(row.team_id),
    lastVisitorSeq: Number(row.last_visitor_seq),
    lastMessage: toLastMessage(row, visitorName),
  };
}

/** The visitor's view: no context, no agent-only timestamps. */
export function toVisitorConversation(summary: ConversationSummary): VisitorConversation {
  return {
    id: summary.id,
    status: summary.status,
    assignee: summary.assignee,
    version: summary.version,
    lastSeq: summary.lastSeq,
    createdAt: summary.createdAt,
    closedAt: summary.closedAt,
    closeReason: summary.closeReason,
    queue: summary.status === 'open' ? summary.queue : null,
    visitorReadSeq: summary.visitorReadSeq,
    agentReadSeq: summary.agentReadSeq,
  };
}

export function messageQuery(db: Kysely<Database>) {
  return db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.author_user_id')
    .leftJoin('visitors', 'visitors.id', 'messages.author_visitor_id')
    .leftJoin('attachments', 'attachments.id', 'messages.attachment_id')
    .selectAll('messages')
    .select([
      'users.name as user_name',
      'users.avatar_url as user_avatar_url',
      'visitors.name as visitor_name',
      'attachments.key as attachment_key',
      'attachments.name as attachment_name',
      'attachments.size as attachment_size',
      'attachments.content_type as attachment_content_type',
    ]);
}

export type MessageJoinedRow = MessageRow & {
  user_name: string | null;
  user_avatar_url: string | null;
  visitor_name: string | null;
} & AttachmentColumns;

export function toMessage(row: MessageJoinedRow): Message {
  const author =
    row.author_kind === 'user'
      ? { kind: row.author_kind, id: row.author_user_id, name: row.user_name ?? '', avatarUrl: row.user_avatar_url }
      : row.author_kind === 'visitor'
        ? {
            kind: row.author_kind,
            id: row.author_visitor_id,
            name: visitorDisplayName({ id: row.author_visitor_id ?? 0, name: row.visitor_name }),
            avatarUrl: null,
          }
        : { kind: row.author_kind, id: null, name: row.author_name ?? '', avatarUrl: null };
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientMessageId: row.client_message_id,
    author,
    body: row.body,
    notice: row.notice ? (JSON.parse(row.notice) as MessageNotice) : null,
    internal: row.internal === 1,
    attachment: toAttachment(row),
    createdAt: row.created_at,
  };
}
