/**
 * The visitor's thread as pure functions over an immutable value, so the ordering and
 * de-duplication rules are easy to read and to test apart from sockets and UI.
 *
 * Rules:
 * - one current conversation; a newer conversation id replaces it (a visitor who writes after a
 *   close gets a new conversation, W13), an older id never does;
 * - within a conversation a higher `version` wins; equal versions are re-applied harmlessly;
 * - messages are unique by id and ordered by `seq`; messages of other conversations are dropped;
 * - a pending message disappears once the stored message with its client id is known, whether
 *   that news comes from the ack or from the `message.created` event (never shown twice).
 */
import type { Message, ReadReceiptEvent, VisitorConversation } from '@parley/protocol';

export interface PendingMessage {
  clientMessageId: string;
  body: string;
  createdAt: number;
  /** Catalogue text when the server refused the message; null while in flight. */
  error: string | null;
  /** A file being sent (W12); `body` is its name. */
  file?: File;
}

export interface ThreadState {
  conversation: VisitorConversation | null;
  /** Messages of the current conversation, ordered by seq. */
  messages: Message[];
  pending: PendingMessage[];
}

export const emptyThread: ThreadState = { conversation: null, messages: [], pending: [] };

export function applyConversation(state: ThreadState, conversation: VisitorConversation): ThreadState {
  const current = state.conversation;
  if (!current || conversation.id > current.id) {
    return { ...state, conversation, messages: state.messages.filter((m) => m.conversationId === conversation.id) };
  }
  if (conversation.id === current.id && conversation.version >= current.version) return { ...state, conversation: withReadMarks(conversation, current) };
  return state;
}

/**
 * Read marks do not bump `version` and only go up, so whichever copy saw the higher mark is right:
 * an ack or update that was built before a receipt must not take the "Seen" away.
 */
function withReadMarks(conversation: VisitorConversation, marks: Pick<VisitorConversation, 'visitorReadSeq' | 'agentReadSeq'>): VisitorConversation {
  const visitorReadSeq = Math.max(conversation.visitorReadSeq ?? 0, marks.visitorReadSeq ?? 0);
  const agentReadSeq = Math.max(conversation.agentReadSeq ?? 0, marks.agentReadSeq ?? 0);
  if (visitorReadSeq === conversation.visitorReadSeq && agentReadSeq === conversation.agentReadSeq) return conversation;
  return { ...conversation, visitorReadSeq, agentReadSeq };
}

/** A `conversation.read` event: raises the marks of the current conversation (others are gone). */
export function applyReadReceipt(state: ThreadState, receipt: ReadReceiptEvent): ThreadState {
  const current = state.conversation;
  if (!current || current.id !== receipt.conversationId) return state;
  const conversation = withReadMarks(current, receipt);
  return conversation === current ? state : { ...state, conversation };
}

/** The seq of the visitor's newest message the team has read: where "Seen" goes; null for none. */
export function seenSeq(state: ThreadState, isOwn: (message: Message) => boolean): number | null {
  const mark = state.conversation?.agentReadSeq ?? 0;
  let found: number | null = null;
  for (const message of state.messages) if (isOwn(message) && message.seq <= mark) found = message.seq;
  return found;
}

/**
 * Stand-in for a conversation known only from one of its messages (an ack can overtake the
 * `conversation.created` event); version 0 lets the real one replace it.
 */
function placeholderFor(message: Message): VisitorConversation {
  return {
    id: message.conversationId,
    status: 'open',
    assignee: null,
    version: 0,
    lastSeq: message.seq,
    createdAt: message.createdAt,
    closedAt: null,
    closeReason: null,
    queue: null,
    visitorReadSeq: 0,
    agentReadSeq: 0,
  };
}

function withoutPending(pending: PendingMessage[], clientMessageId: string | null): PendingMessage[] {
  if (!clientMessageId || !pending.some((p) => p.clientMessageId === clientMessageId)) return pending;
  return pending.filter((p) => p.clientMessageId !== clientMessageId);
}

export function applyMessage(state: ThreadState, message: Message): ThreadState {
  let next: ThreadState = { ...state, pending: withoutPending(state.pending, message.clientMessageId) };
  const current = next.conversation;
  if (!current || message.conversationId > current.id) next = applyConversation(next, placeholderFor(message));
  else if (message.conversationId < current.id) return next;

  const others = next.messages.filter((m) => m.id !== message.id);
  const messages = [...others, message].sort((a, b) => a.seq - b.seq);
  return { ...next, messages };
}

/** A fresh snapshot replaces everything the server knows; unsent messages stay pending. */
export function applySnapshot(
  state: ThreadState,
  snapshot: { conversation: VisitorConversation | null; messages: Message[] },
): ThreadState {
  const { conversation } = snapshot;
  const stored = new Set(snapshot.messages.map((m) => m.clientMessageId).filter(Boolean));
  return {
    conversation,
    messages: conversation
      ? snapshot.messages.filter((m) => m.conversationId === conversation.id).sort((a, b) => a.seq - b.seq)
      : [],
    pending: state.pending.filter((p) => !stored.has(p.clientMessageId)),
  };
}

/** Preview: a visitor line that never leaves the page, numbered `seq` (its id is -seq, no conversation). */
export function addLocalLine(state: ThreadState, seq: number, body: string, authorName: string): ThreadState {
  const message: Message = {
    id: -seq,
    conversationId: 0,
    seq,
    author: { kind: 'visitor', id: null, name: authorName, avatarUrl: null },
    body,
    clientMessageId: null,
    internal: false,
    createdAt: Date.now(),
  };
  return { ...state, messages: [...state.messages, message] };
}

export function addPending(state: ThreadState, pending: PendingMessage): ThreadState {
  return { ...state, pending: [...state.pending, pending] };
}

export function setPendingError(state: ThreadState, clientMessageId: string, error: string | null): ThreadState {
  return {
    ...state,
    pending: state.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, error } : p)),
  };
}
