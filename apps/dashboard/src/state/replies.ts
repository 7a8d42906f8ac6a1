/**
 * Sending replies. A reply goes through the realtime client's outbox, which re-sends it after a
 * reconnect under the same client message id, so the server stores it exactly once. Until the ack
 * arrives the reply is shown as pending.
 */
import { CommandError, LIMITS } from '@parley/protocol';
import { realtime } from '../realtime/connection.js';
import { inbox, type PendingReply } from './inboxStore.js';
import { addMessages } from './thread.js';
import { uploadReply } from './attachmentUploads.js';
import { ApiError } from '../api/request.js';

export function replyProblem(body: string): string | null {
  if (body.trim().length === 0) return 'Write a message first.';
  if (body.length > LIMITS.messageMaxLength) {
    return `The message is too long: ${body.length} of at most ${LIMITS.messageMaxLength} characters.`;
  }
  return null;
}

/** Sends a reply, or with `internal` a note that only users see. */
export function sendReply(conversationId: number, body: string, internal = false): void {
  const pending: PendingReply = {
    clientMessageId: newClientMessageId(),
    conversationId,
    body,
    internal,
    createdAt: Date.now(),
    error: null,
  };
  inbox.update((state) => ({ ...state, pendingReplies: [...state.pendingReplies, pending] }));
  deliver(pending);
}

/** Sends files (W12, I6), each as a message of its own; with `internal`, into a note. */
export function sendFiles(conversationId: number, files: File[], internal = false): void {
  const added: PendingReply[] = files.map((file) => ({ clientMessageId: newClientMessageId(), conversationId, body: file.name, internal, createdAt: Date.now(), error: null, file }));
  inbox.update((state) => ({ ...state, pendingReplies: [...state.pendingReplies, ...added] }));
  added.forEach(deliver);
}

export function retryReply(clientMessageId: string): void {
  const pending = inbox.get().pendingReplies.find((p) => p.clientMessageId === clientMessageId);
  if (!pending) return;
  setError(clientMessageId, null);
  deliver(pending);
}

export function discardReply(clientMessageId: string): void {
  inbox.update((state) => ({
    ...state,
    pendingReplies: state.pendingReplies.filter((p) => p.clientMessageId !== clientMessageId),
  }));
}

function deliver(pending: PendingReply): void {
  if (pending.file) {
    uploadReply(pending, pending.file)
      .then((message) => addMessages([message]))
      .catch((error: unknown) => setError(pending.clientMessageId, describe(error)));
    return;
  }
  const client = realtime();
  if (!client) {
    setError(pending.clientMessageId, 'Not connected.');
    return;
  }
  client
    .send('message.send', { conversationId: pending.conversationId, clientMessageId: pending.clientMessageId, body: pending.body, internal: pending.internal === true })
    .then(({ message }) => addMessages([message]))
    .catch((error: unknown) => setError(pending.clientMessageId, describe(error)));
}

function describe(error: unknown): string {
  // Files go over HTTP: the catalogue message says what was wrong with the file.
  if (error instanceof ApiError) return `Not sent: ${error.message}`;
  if (!(error instanceof CommandError)) return 'Not sent.';
  switch (error.error.code) {
    case 'conversation_closed':
      return 'Not sent: the conversation is closed.';
    case 'forbidden':
      return 'Not sent: the conversation is assigned to someone else.';
    default:
      return `Not sent: ${error.error.message}`;
  }
}

function setError(clientMessageId: string, error: string | null): void {
  inbox.update((state) => ({
    ...state,
    pendingReplies: state.pendingReplies.map((p) => (p.clientMessageId === clientMessageId ? { ...p, error } : p)),
  }));
}

/** `crypto.randomUUID` exists only on secure origins; a self-hosted inbox may run on plain http. */
function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
