/**
 * What an inbox list row shows besides the conversation itself (I8): whether the visitor wrote
 * something no user has read (the seq of the visitor's newest message against agent_read_seq),
 * and the newest message a person or bot wrote, with its sender and a one-line preview. Read
 * with every summary (list, events, thread) so a row stays right from realtime frames alone.
 */
import { LIMITS, previewText, type AuthorKind, type LastMessagePreview } from '@parley/protocol';
import { sql } from 'kysely';

// Both walk the (conversation_id, seq) index backwards and stop at the first match, which is
// near the end of a thread: a max() with the author filter would read every message of it.

/** The newest non-system message of `conversations`: joined as `last_message`. */
export const lastMessageJoin = sql<boolean>`last_message.seq = (select m.seq from messages m where m.conversation_id = conversations.id and m.author_kind <> 'system' order by m.seq desc limit 1)`;

/** Seq of the visitor's newest message, 0 when the visitor has not written. */
export const lastVisitorSeqSql = sql<number>`coalesce((select m.seq from messages m where m.conversation_id = conversations.id and m.author_kind = 'visitor' order by m.seq desc limit 1), 0)`;

export interface LastMessageColumns {
  last_visitor_seq: number | string;
  last_message_seq: number | null;
  last_message_kind: string | null;
  last_message_body: string | null;
  last_message_internal: number | null;
  last_message_created_at: number | null;
  last_message_author_name: string | null;
  last_message_user_name: string | null;
}

export function toLastMessage(row: LastMessageColumns, visitorName: string): LastMessagePreview | null {
  if (row.last_message_seq === null || row.last_message_kind === null) return null;
  const kind = row.last_message_kind as AuthorKind;
  const authorName = kind === 'visitor' ? visitorName : kind === 'user' ? (row.last_message_user_name ?? '') : (row.last_message_author_name ?? '');
  return {
    seq: row.last_message_seq,
    authorKind: kind,
    authorName,
    text: previewText(row.last_message_body ?? '', LIMITS.listPreviewMaxLength),
    internal: row.last_message_internal === 1,
    createdAt: Number(row.last_message_created_at),
  };
}
