/**
 * What the shown list is (I3): a view or a team view, narrowed by the filters above it, and how
 * far it has been paged. Other views the inbox keeps loaded in the background (for unread
 * counts) are read unfiltered; only the list on screen follows these.
 */
import type { ConversationListParams, ConversationSummary, InboxView, ListPriority, ListStatus } from '@parley/protocol';
import { createStore } from './store.js';

export interface ListFilters {
  status?: ListStatus;
  /** A user id, or 'unassigned'. */
  assignee?: number | 'unassigned';
  chatflow?: number;
  team?: number;
  priority?: ListPriority;
}

export interface ListQueryState {
  /** The team whose view is shown, or null for the selected view. */
  team: number | null;
  filters: ListFilters;
  /** Where the next page starts; null when everything is loaded (or nothing yet). */
  nextCursor: string | null;
  /** The list (view, team, filters) the cursor belongs to. */
  cursorFor: string | null;
  loadingMore: boolean;
  moreError: string | null;
  teamLoad: 'loading' | 'loaded' | 'error' | null;
  teamError: string | null;
}

export const listQuery = createStore<ListQueryState>({
  team: null,
  filters: {},
  nextCursor: null,
  cursorFor: null,
  loadingMore: false,
  moreError: null,
  teamLoad: null,
  teamError: null,
});

/** The request for the shown list of `view` (or the team view), from the first page. */
export function listParams(view: InboxView, state: ListQueryState = listQuery.get()): ConversationListParams {
  const { filters } = state;
  const base: ConversationListParams = state.team === null ? { view } : { view: 'team', team: state.team };
  return {
    ...base,
    ...(filters.status && view !== 'closed' && view !== 'snoozed' ? { status: filters.status } : {}),
    ...(filters.assignee !== undefined ? { assignee: filters.assignee } : {}),
    ...(filters.chatflow !== undefined ? { chatflow: filters.chatflow } : {}),
    ...(filters.team !== undefined && state.team === null ? { team: filters.team } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
  };
}

export function listKey(params: ConversationListParams): string {
  return JSON.stringify(params);
}

/** The same narrowing on the client, so live updates move rows in and out of the shown list. */
export function matchesList(conversation: ConversationSummary, state: ListQueryState): boolean {
  const { filters } = state;
  if (state.team !== null && conversation.teamId !== state.team) return false;
  if (filters.team !== undefined && state.team === null && conversation.teamId !== filters.team) return false;
  if (filters.assignee === 'unassigned' && conversation.assignee !== null) return false;
  if (typeof filters.assignee === 'number' && conversation.assignee?.id !== filters.assignee) return false;
  if (filters.chatflow !== undefined && conversation.chatflowId !== filters.chatflow) return false;
  if (filters.priority && conversation.priority !== filters.priority) return false;
  return true;
}

/** The status the shown list holds: the filter's, or the view's own. */
export function listStatus(view: InboxView, state: ListQueryState): ListStatus {
  if (view === 'closed' || view === 'snoozed') return view;
  return state.filters.status ?? 'open';
}
