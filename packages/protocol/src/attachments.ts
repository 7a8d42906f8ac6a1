/**
 * Files and images in the chat (W12, I6). A file is sent as a message of its own: the message's
 * `body` is the file's name (what search, previews and emails show) and `attachment` describes
 * the stored bytes. Clients show the attachment instead of the body.
 */

export interface MessageAttachment {
  /** Random, unguessable key of the stored file; also the last part of `url`. */
  id: string;
  /** The sender's file name, cleaned (no path, no control characters; an extension that fits the type). */
  name: string;
  /** Bytes. */
  size: number;
  /** The type sniffed from the bytes, never the one the sender claimed. */
  contentType: string;
  /** PNG, JPEG, GIF or WebP: shown inline as a thumbnail. */
  isImage: boolean;
  /**
   * Where the file is served, relative to the Parley origin (`/api/attachments/<id>`). It answers
   * only to a visitor token of the conversation's visitor (`authorization: Bearer …`) or to the
   * session of a user who may read the conversation.
   */
  url: string;
}

/** Path prefix of attachment downloads; the key follows. */
export const ATTACHMENTS_PATH = '/api/attachments/';
