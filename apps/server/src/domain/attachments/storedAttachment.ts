/**
 * The checks every sent file goes through before anything is stored, and the life of its bytes
 * around the transaction that records the message: written first, removed again when the message
 * is not stored (a refusal, or a resend answered with the message stored the first time).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { sniffAttachmentType } from './attachmentType.js';
import { cleanFileName } from './fileName.js';

/** A file that passed the checks; its bytes are stored under `key` while a send is under way. */
export interface NewAttachment {
  key: string;
  name: string;
  contentType: string;
  isImage: boolean;
  size: number;
  sha256: string;
}

/**
 * Refusals: `file_empty`, `file_too_large` (over PARLEY_ATTACHMENT_MAX_BYTES; the route already
 * stops reading there), `attachment_type_not_allowed` (see attachmentType.ts).
 */
export function checkAttachment(ctx: AppContext, rawName: string, bytes: Buffer): NewAttachment {
  if (bytes.length === 0) throw new DomainError('file_empty');
  const max = ctx.config.attachmentMaxBytes;
  if (bytes.length > max) throw new DomainError('file_too_large', `at most ${max} bytes`);
  const type = sniffAttachmentType(bytes);
  if (!type) throw new DomainError('attachment_type_not_allowed');
  return {
    // 24 random bytes: as unguessable as a session token, URL-safe as is.
    key: randomBytes(24).toString('base64url'),
    name: cleanFileName(rawName, type.extensions),
    contentType: type.contentType,
    isImage: type.isImage,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Stores the bytes, then runs `send` (the unit of work that records the message). The bytes are
 * removed when `send` fails or answers with a message that does not carry this file (a resend).
 */
export async function withStoredBytes<T extends { message: { attachment?: { id: string } | null } }>(
  ctx: AppContext,
  attachment: NewAttachment,
  bytes: Buffer,
  send: () => Promise<T>,
): Promise<T> {
  const { db, driver } = ctx.storage;
  await driver.attachmentBytes.put(db, attachment.key, bytes);
  let result: T;
  try {
    result = await send();
  } catch (error) {
    await driver.attachmentBytes.remove(db, attachment.key).catch((removeError: unknown) => ctx.log.warn({ err: removeError }, 'attachment bytes not removed'));
    throw error;
  }
  if (result.message.attachment?.id !== attachment.key) await driver.attachmentBytes.remove(db, attachment.key);
  return result;
}
