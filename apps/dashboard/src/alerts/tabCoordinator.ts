/**
 * Which of my inbox tabs raises an alert (I8), so three open tabs make one chime, not three:
 * the tab I am looking at, if any; otherwise one elected tab (the holder of a Web Lock, handed on
 * when that tab closes). Tabs tell each other over a BroadcastChannel whether they have focus and
 * which conversation they show, which also lets every tab stay quiet about a conversation I am
 * reading in another one. Browsers without these APIs fall back to every tab alerting; the
 * notification tags still collapse the duplicates into one notification.
 */
import { inbox } from '../state/inboxStore.js';

interface TabState {
  id: string;
  focused: boolean;
  conversationId: number | null;
  at: number;
}

type TabMessage = { type: 'state'; state: TabState } | { type: 'hello' } | { type: 'bye'; id: string };

/** A tab that has not said anything for this long is gone (closed without a goodbye). */
const STALE_MS = 60_000;
const HEARTBEAT_MS = 20_000;

const tabId = Math.random().toString(36).slice(2);
const others = new Map<string, TabState>();
let channel: BroadcastChannel | null = null;
let leader = false;
let started = false;

function myState(): TabState {
  const focused = document.visibilityState === 'visible' && document.hasFocus();
  return { id: tabId, focused, conversationId: inbox.get().thread?.conversationId ?? null, at: Date.now() };
}

function announce(): void {
  channel?.postMessage({ type: 'state', state: myState() } satisfies TabMessage);
}

function liveOthers(): TabState[] {
  const now = Date.now();
  for (const [id, state] of others) if (now - state.at > STALE_MS) others.delete(id);
  return [...others.values()];
}

export function startTabCoordinator(): void {
  if (started) return;
  started = true;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('parley-inbox-tabs');
    channel.addEventListener('message', (event: MessageEvent<TabMessage>) => {
      const message = event.data;
      if (message.type === 'state') others.set(message.state.id, message.state);
      else if (message.type === 'bye') others.delete(message.id);
      else announce();
    });
    channel.postMessage({ type: 'hello' } satisfies TabMessage);
  }
  for (const name of ['focus', 'blur']) window.addEventListener(name, announce);
  document.addEventListener('visibilitychange', announce);
  window.addEventListener('pagehide', () => channel?.postMessage({ type: 'bye', id: tabId } satisfies TabMessage));
  let shown: number | null = null;
  inbox.subscribe(() => {
    const open = inbox.get().thread?.conversationId ?? null;
    if (open !== shown) {
      shown = open;
      announce();
    }
  });
  setInterval(announce, HEARTBEAT_MS);
  announce();
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks || !channel) {
    leader = true;
    return;
  }
  // Held for the life of the tab: the promise never settles.
  void locks.request('parley-inbox-alerts', () => {
    leader = true;
    return new Promise<never>(() => {});
  });
}

/** I am reading this conversation right now, in this tab or another one. */
export function isLookingAt(conversationId: number): boolean {
  const states = [myState(), ...liveOthers()];
  return states.some((state) => state.focused && state.conversationId === conversationId);
}

/** This tab raises the alerts: it is the one I look at, or nobody looks at any and it is elected. */
export function alertsHere(): boolean {
  if (myState().focused) return true;
  if (liveOthers().some((state) => state.focused)) return false;
  return leader || !channel;
}
