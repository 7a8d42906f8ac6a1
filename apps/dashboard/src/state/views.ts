/**
 * Which view a conversation belongs to, decided on the client from its status and assignee, so a
 * live update can move it between lists without asking the server.
 */
import type { ConversationSummary, InboxView } from '@parley/protocol';

export const VIEWS: ReadonlyArray<{ view: InboxView; label: string }> = [
  { view: 'unassigned', label: 'Unassigned' },
  { view: 'mine', label: 'Mine' },
  { view: 'all', label: 'All' },
  { view: 'snoozed', label: 'Snoozed' },
  { view: 'closed', label: 'Closed' },
];

export function isInboxView(value: string): value is InboxView {
  return VIEWS.some((entry) => entry.view === value);
}

export function viewLabel(view: InboxView): string {
  return VIEWS.find((entry) => entry.view === view)?.label ?? view;
}

export function belongsToView(conversation: ConversationSummary, view: InboxView, myUserId: number): boolean {
  switch (view) {
    // Snoozed chats leave the open views until they wake (I3).
    case 'unassigned':
      return isAwakeOpen(conversation) && conversation.assignee === null;
    case 'mine':
      return isAwakeOpen(conversation) && conversation.assignee?.id === myUserId;
    case 'all':
      return isAwakeOpen(conversation);
    case 'snoozed':
      return conversation.status === 'open' && conversation.snoozedUntil !== null;
    case 'closed':
      return conversation.status === 'closed';
  }
}

function isAwakeOpen(conversation: ConversationSummary): boolean {
  return conversation.status === 'open' && conversation.snoozedUntil === null;
}

/** Last activity: any change (message, assignment) bumps `updatedAt`; the server sorts by it too. */
export function lastActivityAt(conversation: ConversationSummary): number {
  return conversation.updatedAt;
}

/** Same order as the server: newest activity first; Closed by closing time, newest first. */
export function compareForView(view: InboxView): (a: ConversationSummary, b: ConversationSummary) => number {
  if (view === 'closed') return (a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0) || b.id - a.id;
  // Snoozed: the next to wake first, as the server sorts it.
  if (view === 'snoozed') return (a, b) => (a.snoozedUntil ?? 0) - (b.snoozedUntil ?? 0) || b.id - a.id;
  return (a, b) => lastActivityAt(b) - lastActivityAt(a) || b.id - a.id;
}

export function conversationsInView(
  conversations: ReadonlyMap<number, ConversationSummary>,
  view: InboxView,
  myUserId: number,
): ConversationSummary[] {
  const members: ConversationSummary[] = [];
  for (const conversation of conversations.values()) {
    if (belongsToView(conversation, view, myUserId)) members.push(conversation);
  }
  return members.sort(compareForView(view));
}
