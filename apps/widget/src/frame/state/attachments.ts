/**
 * Files in the chat (W12): sending one over HTTP (the socket carries text only) and reading
 * files back. Downloads need the visitor token in an `authorization` header, which an `<img>` or
 * a plain link cannot send, so the frame fetches each file once and shows it through an object
 * URL: the token never appears in a URL, and a file of another conversation is never served.
 */
import type { Message, MessageAttachment, SendMessageResult } from '@parley/protocol';
import { failure } from '../api';

let visitorToken = '';
const objectUrls = new Map<string, Promise<string>>();

/** The token of the visitor whose files the frame shows; a new visitor starts with no files. */
export function setAttachmentToken(token: string): void {
  if (token !== visitorToken) objectUrls.clear();
  visitorToken = token;
}

export async function uploadAttachment(file: File, clientMessageId: string, chatflowId: number | null): Promise<Message> {
  const query = new URLSearchParams({ name: file.name || 'file', clientMessageId });
  if (chatflowId) query.set('chatflowId', String(chatflowId));
  const response = await fetch(`/api/widget/attachments?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${visitorToken}`, 'content-type': 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as SendMessageResult).message;
}

/** An object URL of the file's bytes, fetched once per file. */
export function objectUrlFor(attachment: MessageAttachment): Promise<string> {
  let url = objectUrls.get(attachment.id);
  if (!url) {
    url = fetch(attachment.url, { headers: { authorization: `Bearer ${visitorToken}` } }).then(async (response) => {
      if (!response.ok) throw await failure(response);
      return URL.createObjectURL(await response.blob());
    });
    // A failed fetch is tried again next time.
    url.catch(() => objectUrls.delete(attachment.id));
    objectUrls.set(attachment.id, url);
  }
  return url;
}
