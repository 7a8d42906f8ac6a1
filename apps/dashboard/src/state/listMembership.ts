/**
 * Which held conversations the shown list has (I3): the view's audience (or the team), the status
 * it holds and the filters, decided on the client like `belongsToView`, so realtime frames move
 * rows in and out without asking the server. Sorted as the server pages it.
 */
import type { ConversationSummary, InboxView } from '@parley/protocol';
import { listStatus, matchesList, type ListQueryState } from './listQuery.js';
import { compareForView } from './views.js';

export function belongsToList(conversation: ConversationSummary, view: InboxView, state: ListQueryState, me: number): boolean {
  const status = listStatus(view, state);
  const inStatus =
    status === 'closed'
      ? conversation.status === 'closed'
      : status === 'snoozed'
        ? conversation.status === 'open' && conversation.snoozedUntil !== null
        : conversation.status === 'open' && conversation.snoozedUntil === null;
  if (!inStatus || !matchesList(conversation, state)) return false;
  if (state.team !== null) return true;
  if (view === 'unassigned') return conversation.assignee === null;
  if (view === 'mine') return conversation.assignee?.id === me;
  return true;
}

/** The order of the list's status: closed by closing time, snoozed by wake-up, else by activity. */
export function compareForList(view: InboxView, state: ListQueryState): (a: ConversationSummary, b: ConversationSummary) => number {
  const status = listStatus(view, state);
  return compareForView(status === 'open' ? 'all' : status);
}

export function conversationsInList(conversations: ReadonlyMap<number, ConversationSummary>, view: InboxView, state: ListQueryState, me: number): ConversationSummary[] {
  const members: ConversationSummary[] = [];
  for (const conversation of conversations.values()) if (belongsToList(conversation, view, state, me)) members.push(conversation);
  return members.sort(compareForList(view, state));
}
