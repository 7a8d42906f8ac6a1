/**
 * Unread counts (I8) for the tab title and the side nav, computed from the conversations this tab
 * holds: a conversation is unread while the visitor wrote something no user has read yet
 * (hasUnread: the visitor's newest seq above the team's read mark, the live one from
 * `conversation.read` included, since read marks do not bump a summary's version). The inbox keeps
 * Unassigned and Mine loaded (startNotifications.ts), so the title counts what needs me; other
 * views count what has been loaded of them.
 */
import { hasUnread, type ConversationSummary, type InboxView, type ReadReceiptEvent } from '@parley/protocol';
import { inbox, myUserId } from '../state/inboxStore.js';
import { readReceipts } from '../state/readReceipts.js';
import { useStore } from '../state/store.js';
import { belongsToView } from '../state/views.js';

type Conversations = ReadonlyMap<number, ConversationSummary>;
type ReadMarks = ReadonlyMap<number, ReadReceiptEvent>;

export function unreadInView(conversations: Conversations, marks: ReadMarks, view: InboxView, me: number): number {
  let count = 0;
  for (const conversation of conversations.values()) {
    if (belongsToView(conversation, view, me) && hasUnread(conversation, marks.get(conversation.id)?.agentReadSeq ?? 0)) count++;
  }
  return count;
}

/** What waits for me: unread chats in Unassigned and in Mine. */
export function unreadForMe(conversations: Conversations, marks: ReadMarks, me: number): number {
  return unreadInView(conversations, marks, 'unassigned', me) + unreadInView(conversations, marks, 'mine', me);
}

export function useUnreadInView(view: InboxView): number {
  const marks = useStore(readReceipts, (state) => state);
  return useStore(inbox, (state) => unreadInView(state.conversations, marks, view, myUserId()));
}

export function useUnreadForMe(): number {
  const marks = useStore(readReceipts, (state) => state);
  return useStore(inbox, (state) => unreadForMe(state.conversations, marks, myUserId()));
}
