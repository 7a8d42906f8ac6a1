/**
 * Inbox lists that scale (I3, I5, I8): the list query with its filters and cursor, the team
 * views, and what a list row needs to show an unread dot, the last sender and a preview.
 */
import type { AuthorKind, ConversationSummary, InboxView } from './models.js';

/** A list is one of the fixed views or a team view (`view=team&team=<id>`). */
export type ListView = InboxView | 'team';
/** Which conversations a list holds by state; defaults to the view's own (open, snoozed or closed). */
export type ListStatus = 'open' | 'snoozed' | 'closed';
export const LIST_STATUSES: readonly ListStatus[] = ['open', 'snoozed', 'closed'];
/** The ticket priority levels a list can be filtered by. */
export type ListPriority = 'low' | 'normal' | 'high' | 'urgent';
export const LIST_PRIORITIES: readonly ListPriority[] = ['low', 'normal', 'high', 'urgent'];

/**
 * `GET /api/conversations`: newest activity first (closed: newest close first; snoozed: next to
 * wake first), `limit` rows (default 50, max 200) from `cursor` on. The cursor is opaque: pass the
 * `nextCursor` of the previous page with the same view and filters (else `invalid_cursor`).
 */
export interface ConversationListParams {
  view: ListView;
  /** With `view=team`: the team (the user must be a member, or an admin). Elsewhere a filter. */
  team?: number;
  status?: ListStatus;
  /** A user id, or `unassigned`. */
  assignee?: number | 'unassigned';
  chatflow?: number;
  priority?: ListPriority;
  /** The ticket category, exactly as set (issue 12). */
  category?: string;
  limit?: number;
  cursor?: string;
}

/** The newest message of a conversation that a person or bot wrote (system lines are skipped). */
export interface LastMessagePreview {
  seq: number;
  authorKind: AuthorKind;
  /** Display name of the sender: the visitor's, the user's or the bot's. */
  authorName: string;
  /** Plain text, whitespace collapsed, at most `LIMITS.listPreviewMaxLength` characters; render as text. */
  text: string;
  /** An internal note (only users ever see it). */
  internal: boolean;
  createdAt: number;
}

/** A team view's live count: open, awake conversations routed or reassigned to the team. */
export interface TeamViewCount {
  teamId: number;
  name: string;
  count: number;
}

/** The unread dot: the visitor wrote something no user has read yet. */
export function hasUnread(conversation: Pick<ConversationSummary, 'lastVisitorSeq' | 'agentReadSeq'>, agentReadSeq = 0): boolean {
  return conversation.lastVisitorSeq > Math.max(conversation.agentReadSeq, agentReadSeq);
}

/** One line of a message for a list row: whitespace collapsed, cut with an ellipsis. */
export function previewText(body: string, max: number): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
