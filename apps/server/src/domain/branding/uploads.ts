/**
 * Branding images (W2): an admin (or a user who may edit chatflows) uploads the image the widget
 * shows next to the chat heading and, with the alias option, next to agents' messages. Parley
 * keeps the bytes itself and serves them at `/files/<key>`; the type is sniffed from the bytes
 * and anything refused leaves nothing behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { Database, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { sniffImageType } from './imageType.js';

export interface StoredFile {
  url: string;
  contentType: string;
  size: number;
}

/** Where uploads are served; the key is the only thing that names a file. */
export const FILES_PATH = '/files/';

export function fileUrl(publicUrl: string, key: string): string {
  return `${publicUrl}${FILES_PATH}${key}`;
}

/** 24 random bytes: as unguessable as a session token, and URL-safe as is. */
function newKey(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Checks and stores one branding image. Refusals: `file_empty`, `file_too_large` (over
 * PARLEY_BRANDING_IMAGE_MAX_BYTES), `unsupported_file_type` (not PNG, JPEG, GIF or WebP by its
 * bytes). The same image uploaded again in the workspace returns the stored one.
 */
export async function storeBrandingImage(ctx: AppContext, user: UserRow, bytes: Buffer): Promise<StoredFile> {
  if (bytes.length === 0) throw new DomainError('file_empty');
  const max = ctx.config.brandingImageMaxBytes;
  if (bytes.length > max) throw new DomainError('file_too_large', `at most ${max} bytes`);
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new DomainError('unsupported_file_type', 'PNG, JPEG, GIF or WebP only (SVG is not accepted)');
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const key = await inTransaction(ctx, async ({ trx, now }) => {
    const existing = await trx
      .selectFrom('uploads')
      .select('key')
      .where('workspace_id', '=', user.workspace_id)
      .where('sha256', '=', sha256)
      .where('size', '=', bytes.length)
      .executeTakeFirst();
    if (existing) return existing.key;
    const created = newKey();
    await trx
      .insertInto('uploads')
      .values({ workspace_id: user.workspace_id, key: created, content_type: contentType, size: bytes.length, sha256, bytes, created_by: user.id, created_at: now })
      .execute();
    return created;
  });
  return { url: fileUrl(ctx.config.publicUrl, key), contentType, size: bytes.length };
}

/** A stored file by its key, for serving; null when there is no such key. */
export async function loadFile(db: Kysely<Database>, key: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  const row = await db.selectFrom('uploads').select(['content_type', 'bytes']).where('key', '=', key).executeTakeFirst();
  // Both drivers read BLOB/bytea back as a Buffer: served as is, not copied.
  return row ? { contentType: row.content_type, bytes: row.bytes } : null;
}
