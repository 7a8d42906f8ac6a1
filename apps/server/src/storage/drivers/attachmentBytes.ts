/**
 * Where the bytes of chat attachments live (W12, I6). A single SQLite node keeps them as files in
 * its data directory (the database stays small and backups can skip them); with PostgreSQL every
 * node must serve every file, so they are rows of `attachment_bytes`. Metadata is always in
 * `attachments`. Bytes are written before the transaction that records the message and removed
 * again when that transaction fails, so a refusal leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface AttachmentBytes {
  put(db: Kysely<Database>, key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(db: Kysely<Database>, key: string): Promise<Buffer | null>;
  remove(db: Kysely<Database>, key: string): Promise<void>;
}

/** Keys are base64url, so they are safe file names; anything else never reaches the disk. */
const SAFE_KEY = /^[A-Za-z0-9_-]{16,64}$/;

function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error('attachment key is not base64url');
  return key;
}

export function diskAttachmentBytes(dataDir: string): AttachmentBytes {
  const dir = path.join(dataDir, 'attachments');
  const file = (key: string) => path.join(dir, checkedKey(key));
  return {
    async put(_db, key, bytes) {
      await fs.mkdir(dir, { recursive: true });
      // Written under a temporary name and synced, then renamed: a crash never leaves half a file
      // under a key that a committed message points to.
      const temporary = path.join(dir, `.${checkedKey(key)}.${randomBytes(4).toString('hex')}.tmp`);
      const handle = await fs.open(temporary, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, file(key));
    },
    async get(_db, key) {
      try {
        return await fs.readFile(file(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(_db, key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

export const databaseAttachmentBytes: AttachmentBytes = {
  async put(db, key, bytes) {
    await db.insertInto('attachment_bytes').values({ key, bytes }).execute();
  },
  async get(db, key) {
    const row = await db.selectFrom('attachment_bytes').select('bytes').where('key', '=', key).executeTakeFirst();
    return row?.bytes ?? null;
  },
  async remove(db, key) {
    await db.deleteFrom('attachment_bytes').where('key', '=', key).execute();
  },
};
