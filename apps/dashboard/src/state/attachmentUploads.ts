/**
 * Sending a file from the inbox (W12, I6): the raw bytes to the conversation's upload route, the
 * name and client message id in the query. The answer is the stored message, as for a reply.
 */
import { isErrorCode, type Message, type SendMessageResult } from '@parley/protocol';
import { ApiError } from '../api/request.js';

export async function uploadReply(pending: { conversationId: number; clientMessageId: string; internal?: boolean }, file: File): Promise<Message> {
  const query = new URLSearchParams({ name: file.name || 'file', clientMessageId: pending.clientMessageId });
  if (pending.internal) query.set('internal', 'true');
  let response: Response;
  try {
    response = await fetch(`/api/conversations/${pending.conversationId}/attachments?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'internal_error', 'The server cannot be reached. Check your connection.');
  }
  const payload = (await response.json().catch(() => null)) as (SendMessageResult & { error?: { code?: unknown; message?: unknown } }) | null;
  if (response.ok && payload) return payload.message;
  const code = isErrorCode(payload?.error?.code) ? payload.error.code : 'internal_error';
  const message = typeof payload?.error?.message === 'string' ? payload.error.message : `Upload failed (${response.status}).`;
  throw new ApiError(response.status, code, message);
}
