/**
 * Conversation lists and view counts. Lists come from HTTP snapshots and are then kept current by
 * realtime events; both paths go through `upsertConversation`, which ignores anything older than
 * what we hold (by `version`), so a late HTTP answer never undoes a newer event.
 */
import type { ConversationSummary, InboxView } from '@parley/protocol';
import { api } from '../api/endpoints.js';
import { listApi } from '../api/listEndpoints.js';
import { errorText } from '../api/request.js';
import { inbox, myUserId, rememberView, type LoadState } from './inboxStore.js';
import { belongsToList, compareForList } from './listMembership.js';
import { listKey, listParams, listQuery, type ListFilters } from './listQuery.js';
import { belongsToView, compareForView } from './views.js';

/**
 * Local logical clock of when we last heard about each conversation. A snapshot may only drop a
 * conversation we have not heard about since the snapshot was requested.
 */
let clock = 0;
const lastTouched = new Map<number, number>();

export function upsertConversation(incoming: ConversationSummary): void {
  lastTouched.set(incoming.id, ++clock);
  inbox.update((state) => {
    const held = state.conversations.get(incoming.id);
    if (held && held.version > incoming.version) return state;
    const conversations = new Map(state.conversations);
    conversations.set(incoming.id, incoming);
    return { ...state, conversations };
  });
}

/**
 * Loads the first page of a view. The selected view is loaded as shown (with the filters,
 * listQuery.ts) and keeps its cursor for "Load more"; other views are read plain, for counts.
 * While a team view is shown, the selected view is read plain and the team view beside it, so
 * both load states settle (whoever waits for the view's load, e.g. the unread counts, sees it).
 */
export async function loadView(view: InboxView): Promise<void> {
  const selected = inbox.get().selectedView === view;
  if (selected && listQuery.get().team !== null) {
    await Promise.all([fetchList(view, false), fetchList(view, true)]);
    return;
  }
  await fetchList(view, selected);
}

async function fetchList(view: InboxView, shown: boolean): Promise<void> {
  const requestedAt = ++clock;
  const query = listQuery.get();
  const params = shown ? listParams(view, query) : { view };
  const key = listKey(params);
  const team = shown && query.team !== null;
  setLoad(view, team, 'loading');
  try {
    const { conversations, nextCursor } = await listApi.page(params);
    for (const conversation of conversations) upsertConversation(conversation);
    const fresh = new Set(conversations.map((c) => c.id));
    const last = conversations.at(-1);
    const me = myUserId();
    const belongs = (conversation: ConversationSummary) => (shown ? belongsToList(conversation, view, query, me) : belongsToView(conversation, view, me));
    const order = shown ? compareForList(view, query) : compareForView(view);
    inbox.update((state) => {
      // Whatever the page should hold but does not (and no event mentioned since) has left the
      // list; rows past the end of the page are simply not loaded yet.
      const kept = new Map(state.conversations);
      for (const [id, conversation] of state.conversations) {
        const stale = (lastTouched.get(id) ?? 0) < requestedAt;
        const isOpenThread = state.thread?.conversationId === id;
        const withinPage = nextCursor === null || (last !== undefined && order(conversation, last) <= 0);
        if (!fresh.has(id) && stale && !isOpenThread && withinPage && belongs(conversation)) kept.delete(id);
      }
      return { ...state, conversations: kept };
    });
    if (shown && listKey(listParams(view)) === key) listQuery.update((state) => ({ ...state, nextCursor, cursorFor: key, moreError: null }));
    setLoad(view, team, 'loaded');
  } catch (error) {
    setLoad(view, team, 'error', errorText(error));
  }
}

function setLoad(view: InboxView, team: boolean, load: LoadState, error?: string): void {
  if (team) {
    listQuery.update((state) => ({ ...state, teamLoad: load, teamError: error ?? null }));
    return;
  }
  inbox.update((state) => {
    const viewErrors = { ...state.viewErrors };
    if (error === undefined) delete viewErrors[view];
    else viewErrors[view] = error;
    return { ...state, viewLoad: { ...state.viewLoad, [view]: load }, viewErrors };
  });
}

/** The next page of the shown list ("Load more"). */
export async function loadMore(): Promise<void> {
  const view = inbox.get().selectedView;
  const query = listQuery.get();
  const params = listParams(view, query);
  const key = listKey(params);
  if (query.loadingMore || query.nextCursor === null || query.cursorFor !== key) return;
  listQuery.update((state) => ({ ...state, loadingMore: true, moreError: null }));
  try {
    const page = await listApi.page({ ...params, cursor: query.nextCursor });
    for (const conversation of page.conversations) upsertConversation(conversation);
    // A page for a list that is no longer shown changes nothing but the held rows.
    listQuery.update((state) => (state.cursorFor === key ? { ...state, nextCursor: page.nextCursor, loadingMore: false } : { ...state, loadingMore: false }));
  } catch (error) {
    listQuery.update((state) => ({ ...state, loadingMore: false, moreError: errorText(error) }));
  }
}

/** Shows a team's view (or the selected view again with null) and loads its first page. */
export function showTeam(team: number | null): void {
  if (listQuery.get().team === team && listQuery.get().cursorFor !== null) return;
  listQuery.update((state) => ({ ...state, team, nextCursor: null, cursorFor: null, teamLoad: null, teamError: null }));
  if (inbox.get().hasConnected) void loadView(inbox.get().selectedView);
}

/** New filters for the shown list: back to its first page. */
export function setListFilters(filters: ListFilters): void {
  listQuery.update((state) => ({ ...state, filters, nextCursor: null, cursorFor: null }));
  if (inbox.get().hasConnected) void loadView(inbox.get().selectedView);
}

/** Forget which views were loaded so each is fetched again when next shown. */
export function markViewsStale(): void {
  inbox.update((state) => ({ ...state, viewLoad: {} }));
}

let countsRequest = 0;
let countsTimer: ReturnType<typeof setTimeout> | null = null;

export async function refreshCounts(): Promise<void> {
  const mine = ++countsRequest;
  try {
    const counts = await api.counts();
    // Answers can overtake each other; only the newest request may write.
    if (mine === countsRequest) inbox.update((state) => ({ ...state, counts }));
  } catch {
    // Counts are a hint; the next event or reconnect asks again.
  }
}

/** Bursts of events (a busy minute, a replay after reconnect) cost one counts request. */
export function scheduleCountsRefresh(): void {
  if (countsTimer) clearTimeout(countsTimer);
  countsTimer = setTimeout(() => {
    countsTimer = null;
    void refreshCounts();
  }, 150);
}

export function resetConversationBookkeeping(): void {
  lastTouched.clear();
  if (countsTimer) clearTimeout(countsTimer);
  countsTimer = null;
  countsRequest++;
}

/** Shows a view's list; fetches it unless it is loaded (lists load only after the first resume). */
export function selectView(view: InboxView): void {
  const wasTeam = listQuery.get().team !== null;
  if (wasTeam) listQuery.update((state) => ({ ...state, team: null, teamLoad: null, teamError: null }));
  inbox.update((state) => (state.selectedView === view ? state : { ...state, selectedView: view }));
  rememberView(view);
  const { hasConnected, viewLoad } = inbox.get();
  // A view that failed to load is retried when chosen again; a list whose cursor is for another
  // list (other filters, a team view shown before) starts again from its first page.
  const pagedElsewhere = listQuery.get().cursorFor !== listKey(listParams(view));
  if (hasConnected && viewLoad[view] !== 'loading' && (viewLoad[view] !== 'loaded' || pagedElsewhere || wasTeam)) void loadView(view);
}
