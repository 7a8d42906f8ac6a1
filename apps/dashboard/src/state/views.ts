/**
 * Which view a conversation belongs to, decided on the client from its status and assignee, so a
 * live update can move it between lists without asking the server.
 */
import type { ConversationSummary, InboxView } from '@parley/protocol';

export const VIEWS: ReadonlyArray<{ view: InboxView; label: string }> = [
  { view: 'unassigned', label: 'Unassigned' },
  { view: 'mine', label: 'Mine' },
  { view: 'all', label: 'All' },
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
    case 'unassigned':
      return conversation.status === 'open' && conversation.assignee === null;
    case 'mine':
      return conversation.status === 'open' && conversation.assignee?.id === myUserId;
    case 'all':
      return conversation.status === 'open';
    case 'closed':
      return conversation.status === 'closed';
  }
}

/** Last activity: any change (message, assignment) bumps `updatedAt`; the server sorts by it too. */
export function lastActivityAt(conversation: ConversationSummary): number {
  return conversation.updatedAt;
}

/** Same order as the server: newest activity first; Closed by closing time, newest first. */
export function compareForView(view: InboxView): (a: ConversationSummary, b: ConversationSummary) => number {
  if (view === 'closed') return (a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0) || b.id - a.id;
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
