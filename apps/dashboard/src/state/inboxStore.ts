/**
 * Everything the inbox shows, in one store. Actions that change it live next to it in
 * `conversations.ts`, `thread.ts` and `session.ts`; the realtime connection feeds the same actions.
 */
import type {
  AwayReason,
  ConversationSummary,
  InboxView,
  Message,
  MeResponse,
  OfferEntry,
  Team,
  UserSummary,
  ViewCounts,
} from '@parley/protocol';
import type { ConnectionState } from '@parley/protocol';
import { createStore } from './store.js';

export type LoadState = 'loading' | 'loaded' | 'error';
export type ThreadStatus = 'loading' | 'ready' | 'forbidden' | 'not_found' | 'error';

/** A reply the server has not acknowledged yet; shown greyed until the ack replaces it. */
export interface PendingReply {
  clientMessageId: string;
  conversationId: number;
  body: string;
  /** An internal note: for users only, never sent to the visitor. */
  internal?: boolean;
  createdAt: number;
  /** Set when the server refused the reply; the agent can retry or discard it. */
  error: string | null;
  /** A file being sent (W12, I6); `body` is its name. */
  file?: File;
}

export interface ThreadState {
  conversationId: number;
  status: ThreadStatus;
  errorText: string | null;
  /** Ordered by seq, unique by id. */
  messages: Message[];
  visitorTyping: boolean;
}

/** A chat offered to me (I4), with the conversation as it was when offered and its preview. */
export type PendingOffer = OfferEntry;

/** Why Parley set me to Away on its own; a manual switch needs no explanation. */
export type AutoAwayReason = Exclude<AwayReason, 'manual'>;

export interface InboxState {
  /** null = signed out; undefined = not known yet (checking the cookie). */
  session: MeResponse | null | undefined;
  users: UserSummary[];
  /** Every conversation this tab knows about; views are filters over it (see views.ts). */
  conversations: ReadonlyMap<number, ConversationSummary>;
  viewLoad: Partial<Record<InboxView, LoadState>>;
  viewErrors: Partial<Record<InboxView, string>>;
  counts: ViewCounts | null;
  connection: ConnectionState;
  /** Distinguishes "Connecting…" (never opened) from "Reconnecting…". */
  hasConnected: boolean;
  selectedView: InboxView;
  thread: ThreadState | null;
  pendingReplies: PendingReply[];
  /** Offers waiting for my answer, oldest first. */
  offers: PendingOffer[];
  /** A one-off line under the offers, e.g. that an accepted chat was gone already. */
  offerNotice: string | null;
  /** Shown until dismissed or until I switch back to Available. */
  autoAway: AutoAwayReason | null;
  teams: Team[];
}

export function initialState(session: MeResponse | null | undefined): InboxState {
  return {
    session,
    users: [],
    conversations: new Map(),
    viewLoad: {},
    viewErrors: {},
    counts: null,
    connection: 'closed',
    hasConnected: false,
    selectedView: readRememberedView(),
    thread: null,
    pendingReplies: [],
    offers: [],
    offerNotice: null,
    // Signing in (or reloading) after Parley set me to Away still deserves the explanation.
    autoAway: session ? autoAwayAfter(null, session.user) : null,
    teams: [],
  };
}

export const inbox = createStore<InboxState>(initialState(undefined));

export function myUserId(): number {
  return inbox.get().session?.user.id ?? 0;
}

/** Keeps the users list and "me" in step with a user change from HTTP or realtime. */
export function applyUserUpdate(user: UserSummary): void {
  inbox.update((state) => {
    // A deleted user's last announcement: they leave every list.
    if (user.deleted) return { ...state, users: state.users.filter((u) => u.id !== user.id) };
    const exists = state.users.some((u) => u.id === user.id);
    const users = exists ? state.users.map((u) => (u.id === user.id ? user : u)) : [...state.users, user];
    const isMe = state.session?.user.id === user.id;
    if (!state.session || !isMe) return { ...state, users };
    const autoAway = autoAwayAfter(state.session.user, user, state.autoAway);
    return { ...state, users, session: { ...state.session, user }, autoAway };
  });
}

/**
 * The auto-away notice after a change to me: shown when Parley newly set me to Away (I2, R3),
 * kept (or kept dismissed) while the same reason holds, gone once I am online or chose Away.
 */
function autoAwayAfter(
  before: UserSummary | null,
  after: UserSummary,
  shown: AutoAwayReason | null = null,
): AutoAwayReason | null {
  if (after.availability === 'online' || after.awayReason === null || after.awayReason === 'manual') return null;
  const unchanged = before !== null && before.availability === 'away' && before.awayReason === after.awayReason;
  return unchanged ? shown : after.awayReason;
}

export function dismissAutoAway(): void {
  inbox.update((state) => (state.autoAway ? { ...state, autoAway: null } : state));
}

const VIEW_KEY = 'parley.inbox.view';

function readRememberedView(): InboxView {
  try {
    const value = sessionStorage.getItem(VIEW_KEY);
    if (value === 'unassigned' || value === 'mine' || value === 'all' || value === 'closed' || value === 'snoozed') return value;
  } catch {
    // Storage can be disabled; the default view is fine then.
  }
  return 'unassigned';
}

/** Remembered per tab so opening a conversation by URL after a reload keeps the same list. */
export function rememberView(view: InboxView): void {
  try {
    sessionStorage.setItem(VIEW_KEY, view);
  } catch {
    // Not worth bothering the user about.
  }
}
