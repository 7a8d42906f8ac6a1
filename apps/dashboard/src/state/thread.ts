/**
 * The open conversation's thread: loading it, merging messages from HTTP, acks and events (unique
 * by id, ordered by seq), and the visitor typing hint.
 */
import type { Message } from '@parley/protocol';
import { api } from '../api/endpoints.js';
import { ApiError, errorText } from '../api/request.js';
import { upsertConversation } from './conversations.js';
import { inbox, type ThreadState } from './inboxStore.js';

/** If the "stopped typing" signal is lost, the hint still goes away after this long. */
const TYPING_HINT_MS = 6000;
let typingTimer: ReturnType<typeof setTimeout> | null = null;

export function openThread(conversationId: number): void {
  const current = inbox.get().thread;
  if (current?.conversationId === conversationId && current.status !== 'error') return;
  clearTypingTimer();
  inbox.update((state) => ({
    ...state,
    thread: { conversationId, status: 'loading', errorText: null, messages: [], visitorTyping: false },
  }));
  void fetchThread(conversationId);
}

export function closeThread(): void {
  clearTypingTimer();
  inbox.update((state) => (state.thread ? { ...state, thread: null } : state));
}

/** Loads (or reloads after a reconnect) the open thread and merges what it finds. */
export async function fetchThread(conversationId: number): Promise<void> {
  try {
    const { conversation, messages } = await api.thread(conversationId);
    upsertConversation(conversation);
    updateThread(conversationId, (thread) => ({
      ...thread,
      status: 'ready',
      errorText: null,
      messages: mergeMessages(thread.messages, messages),
    }));
  } catch (error) {
    const status =
      error instanceof ApiError && error.code === 'forbidden'
        ? 'forbidden'
        : error instanceof ApiError && error.status === 404
          ? 'not_found'
          : 'error';
    // A failed reload must not hide a thread that is already on screen.
    updateThread(conversationId, (thread) =>
      thread.status === 'ready' && status === 'error' ? thread : { ...thread, status, errorText: errorText(error) },
    );
  }
}

export function addMessages(messages: Message[]): void {
  if (messages.length === 0) return;
  const conversationId = messages[0].conversationId;
  updateThread(conversationId, (thread) => ({
    ...thread,
    messages: mergeMessages(thread.messages, messages),
    // A visitor message means they stopped typing, whatever signal is still on its way.
    visitorTyping: messages.some((m) => m.author.kind === 'visitor') ? false : thread.visitorTyping,
  }));
  const delivered = new Set(messages.map((m) => m.clientMessageId).filter((id) => id !== null));
  if (delivered.size > 0) {
    inbox.update((state) => ({
      ...state,
      pendingReplies: state.pendingReplies.filter((p) => !delivered.has(p.clientMessageId)),
    }));
  }
}

export function setVisitorTyping(conversationId: number, typing: boolean): void {
  clearTypingTimer();
  updateThread(conversationId, (thread) => ({ ...thread, visitorTyping: typing }));
  if (typing) {
    typingTimer = setTimeout(() => updateThread(conversationId, (t) => ({ ...t, visitorTyping: false })), TYPING_HINT_MS);
  }
}

function clearTypingTimer(): void {
  if (typingTimer) clearTimeout(typingTimer);
  typingTimer = null;
}

function updateThread(conversationId: number, change: (thread: ThreadState) => ThreadState): void {
  inbox.update((state) =>
    state.thread?.conversationId === conversationId ? { ...state, thread: change(state.thread) } : state,
  );
}

function mergeMessages(held: Message[], incoming: Message[]): Message[] {
  const byId = new Map(held.map((m) => [m.id, m]));
  let changed = false;
  for (const message of incoming) {
    if (byId.has(message.id)) continue;
    byId.set(message.id, message);
    changed = true;
  }
  if (!changed) return held;
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}
