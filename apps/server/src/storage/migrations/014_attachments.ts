/**
 * W12, I6: files and images in the chat.
 *
 * `attachments` describes each stored file: its random key (the only name a download uses), the
 * conversation it belongs to (downloads are authorized like the conversation), the cleaned name,
 * the sniffed type and whether it sits in an internal note (never served to the visitor).
 * `messages.attachment_id` makes the message that carries it.
 *
 * Where the bytes live is the driver's choice (storage/drivers/attachmentBytes.ts): files in the
 * data directory on a single SQLite node, `attachment_bytes` rows on PostgreSQL so every node
 * serves every file. The table exists only there.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function attachmentsMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  const primaryId = (col: ColumnDefinitionBuilder) => (driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('attachments')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('conversation_id', big, (c) => c.notNull().references('conversations.id'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', big, (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_conversation').on('attachments').column('conversation_id').execute();
      await db.schema.alterTable('messages').addColumn('attachment_id', big, (c) => c.references('attachments.id')).execute();
      if (driver.name === 'postgres') {
        await db.schema
          .createTable('attachment_bytes')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('bytes', driver.binaryType, (c) => c.notNull())
          .execute();
      }
    },
  };
}
