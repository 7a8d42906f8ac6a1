/**
 * Uploads (W2): branding images Parley keeps in its own database, so every node serves the same
 * file and a deployment needs no object store. Images are small (PARLEY_BRANDING_IMAGE_MAX_BYTES).
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function uploadsMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  const primaryId = (col: ColumnDefinitionBuilder) => (driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('uploads')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', driver.binaryType, (c) => c.notNull())
        .addColumn('created_by', big, (c) => c.notNull().references('users.id'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      // The same image uploaded again in a workspace is found by its hash and not stored twice.
      await db.schema.createIndex('uploads_workspace_sha256').on('uploads').columns(['workspace_id', 'sha256']).execute();
    },
  };
}
