/**
 * Browser notifications and the chime for what happens in the inbox (I8): (a) a new conversation
 * in Unassigned, (b) a conversation assigned to me, (c) a visitor's message in a conversation
 * assigned to me, each as I chose on the Notifications page. Events are gathered for a moment so
 * a burst (or a replay after reconnecting) makes one chime, and so each alert is decided on the
 * state after the burst: the first message of a new chat is its text rather than an alert of its
 * own, a chat offered to me alerts as the offer instead (so a new chat waits, briefly, until
 * routing has placed it), a chat handed on again is not mine. A chat is new to the team when its
 * chatflow's flow hands it off (W8): while the bot still talks to the visitor nobody is alerted.
 * Nothing alerts for a conversation I am reading in a focused tab, and only one of my tabs
 * alerts (tabCoordinator.ts).
 */
import type { AgentEvents, ConversationSummary, NotificationKind } from '@parley/protocol';
import { hrefFor, navigate } from '../router.js';
import { inbox, myUserId } from '../state/inboxStore.js';
import { playChime } from './chime.js';
import { notify } from './desktopNotifications.js';
import { wantsBrowser, wantsSound } from './notificationPrefs.js';
import { alertsHere, isLookingAt } from './tabCoordinator.js';

interface Pending {
  /** kind:conversation:item, so a replayed event does not alert twice. */
  key: string;
  kind: NotificationKind;
  conversationId: number;
  /** The conversation as the event had it; the store's newer copy wins at flush time. */
  snapshot: ConversationSummary | null;
  /** What the visitor wrote, for the notification's text. */
  text: string | null;
  queuedAt: number;
}

const BATCH_MS = 200;
/** How long a new chat's alert waits for routing to offer it (to me: then the offer alerts). */
const ROUTING_WAIT_MS = 3000;
const MAX_REMEMBERED = 2000;
const raised = new Set<string>();
/** Conversations offered to me: assigned after that means I accepted, which is not news. */
const offeredToMe = new Set<number>();
/** The first words of visitors whose chat is still with the bot: the alert's text at the hand-off. */
const wordsWithBot = new Map<number, string>();
let queued: Pending[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

function queue(fields: Omit<Pending, 'queuedAt'>): void {
  if (raised.has(fields.key) || queued.some((entry) => entry.key === fields.key)) return;
  queued.push({ ...fields, queuedAt: Date.now() });
  timer ??= setTimeout(flush, BATCH_MS);
}

/** Called with every realtime event the inbox applies. */
export function noticeInboxEvent<K extends keyof AgentEvents>(name: K, data: AgentEvents[K]): void {
  const me = myUserId();
  if (name === 'conversation.created' || name === 'conversation.updated') {
    const { conversation } = data as AgentEvents['conversation.created'];
    if (conversation.assignee !== null || conversation.routingState === 'bot') return;
    // An update is news only as the hand-off: the store still has the chat as the bot had it.
    if (name === 'conversation.updated' && inbox.get().conversations.get(conversation.id)?.routingState !== 'bot') return;
    const text = wordsWithBot.get(conversation.id) ?? null;
    wordsWithBot.delete(conversation.id);
    queue({ key: `new:${conversation.id}`, kind: 'newConversation', conversationId: conversation.id, snapshot: conversation, text });
  } else if (name === 'conversation.assigned') {
    const { conversation, previousAssigneeId } = data as AgentEvents['conversation.assigned'];
    if (conversation.assignee?.id !== me || previousAssigneeId === me) return;
    const key = `assigned:${conversation.id}:${conversation.version}`;
    queue({ key, kind: 'assignedToMe', conversationId: conversation.id, snapshot: conversation, text: null });
  } else if (name === 'message.created') {
    const { message } = data as AgentEvents['message.created'];
    if (message.author.kind !== 'visitor' || message.internal) return;
    // The first words of a new chat are what its notification says.
    const starting = queued.find((entry) => entry.kind === 'newConversation' && entry.conversationId === message.conversationId);
    if (starting) {
      starting.text ??= message.body;
      return;
    }
    if (inbox.get().conversations.get(message.conversationId)?.routingState === 'bot') {
      if (!wordsWithBot.has(message.conversationId)) wordsWithBot.set(message.conversationId, message.body);
      // Chats closed while with the bot never hand off: only recent ones are kept.
      if (wordsWithBot.size > MAX_REMEMBERED) wordsWithBot.delete(wordsWithBot.keys().next().value!);
      return;
    }
    queue({ key: `message:${message.id}`, kind: 'newMessage', conversationId: message.conversationId, snapshot: null, text: message.body });
  } else if (name === 'offer.created') {
    const entry = data as AgentEvents['offer.created'];
    if (entry.offer.userId === me) offeredToMe.add(entry.conversation.id);
  }
}

/** Whether this alert still holds once the burst is over; null when it no longer does. */
function stillTrue(entry: Pending): ConversationSummary | null {
  const state = inbox.get();
  const conversation = state.conversations.get(entry.conversationId) ?? entry.snapshot;
  if (!conversation || conversation.status !== 'open' || isLookingAt(conversation.id)) return null;
  const me = myUserId();
  switch (entry.kind) {
    case 'newConversation':
      // Offered to me already: the offer banner, its chime and its notification speak for it.
      return state.offers.some((offer) => offer.conversation.id === conversation.id) ? null : conversation;
    case 'assignedToMe':
      return conversation.assignee?.id === me && !offeredToMe.has(conversation.id) ? conversation : null;
    case 'newMessage':
      return conversation.assignee?.id === me ? conversation : null;
  }
}

const TITLES: Record<NotificationKind, (visitor: string) => string> = {
  newConversation: (visitor) => `New chat: ${visitor}`,
  assignedToMe: (visitor) => `Assigned to you: ${visitor}`,
  newMessage: (visitor) => `New message from ${visitor}`,
};

/** A new chat that routing has not placed yet: it may be about to be offered to me. */
function awaitingRouting(entry: Pending): boolean {
  if (entry.kind !== 'newConversation' || Date.now() - entry.queuedAt > ROUTING_WAIT_MS) return false;
  return inbox.get().conversations.get(entry.conversationId)?.routingState === 'routing';
}

function flush(): void {
  timer = null;
  const batch = queued.filter((entry) => !awaitingRouting(entry));
  queued = queued.filter(awaitingRouting);
  if (queued.length > 0) timer = setTimeout(flush, BATCH_MS);
  for (const entry of batch) raised.add(entry.key);
  // Only replays of recent events need catching: the oldest keys go (a Set keeps insertion order).
  for (const key of raised) {
    if (raised.size <= MAX_REMEMBERED) break;
    raised.delete(key);
  }
  // Another tab of mine is the one that alerts (it has focus, or it was elected).
  if (!alertsHere()) return;
  const due = batch.flatMap((entry) => {
    const conversation = stillTrue(entry);
    return conversation ? [{ entry, conversation }] : [];
  });
  if (due.some(({ entry }) => wantsSound(entry.kind))) playChime();
  for (const { entry, conversation } of due) {
    if (!wantsBrowser(entry.kind)) continue;
    const { name, context } = conversation.visitor;
    notify({
      title: TITLES[entry.kind](name),
      body: entry.text || context.pageTitle || context.pageUrl || 'A visitor is waiting for an answer.',
      // One notification per conversation and kind: a newer message replaces the older one.
      tag: `parley-${entry.kind}-${conversation.id}`,
      onClick: () => navigate(hrefFor({ name: 'conversation', id: conversation.id })),
    });
  }
}

/** Signed out: nothing of the previous user's alerts is kept. */
export function resetInboxAlerts(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  queued = [];
  raised.clear();
  offeredToMe.clear();
  wordsWithBot.clear();
}
