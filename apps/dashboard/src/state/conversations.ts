/**
 * Conversation lists and view counts. Lists come from HTTP snapshots and are then kept current by
 * realtime events; both paths go through `upsertConversation`, which ignores anything older than
 * what we hold (by `version`), so a late HTTP answer never undoes a newer event.
 */
import type { ConversationSummary, InboxView } from '@parley/protocol';
import { api } from '../api/endpoints.js';
import { errorText } from '../api/request.js';
import { inbox, myUserId, rememberView } from './inboxStore.js';
import { belongsToView } from './views.js';

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

export async function loadView(view: InboxView): Promise<void> {
  const requestedAt = ++clock;
  inbox.update((state) => ({ ...state, viewLoad: { ...state.viewLoad, [view]: 'loading' } }));
  try {
    const { conversations } = await api.conversations(view);
    for (const conversation of conversations) upsertConversation(conversation);
    const fresh = new Set(conversations.map((c) => c.id));
    inbox.update((state) => {
      // Whatever the snapshot no longer lists (and no event mentioned since) has left the view.
      const kept = new Map(state.conversations);
      for (const [id, conversation] of state.conversations) {
        const stale = (lastTouched.get(id) ?? 0) < requestedAt;
        const isOpenThread = state.thread?.conversationId === id;
        if (!fresh.has(id) && stale && !isOpenThread && belongsToView(conversation, view, myUserId())) kept.delete(id);
      }
      const viewErrors = { ...state.viewErrors };
      delete viewErrors[view];
      return { ...state, conversations: kept, viewLoad: { ...state.viewLoad, [view]: 'loaded' }, viewErrors };
    });
  } catch (error) {
    inbox.update((state) => ({
      ...state,
      viewLoad: { ...state.viewLoad, [view]: 'error' },
      viewErrors: { ...state.viewErrors, [view]: errorText(error) },
    }));
  }
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
  inbox.update((state) => (state.selectedView === view ? state : { ...state, selectedView: view }));
  rememberView(view);
  const { hasConnected, viewLoad } = inbox.get();
  // A view that failed to load is retried when chosen again.
  if (hasConnected && viewLoad[view] !== 'loaded' && viewLoad[view] !== 'loading') void loadView(view);
}
