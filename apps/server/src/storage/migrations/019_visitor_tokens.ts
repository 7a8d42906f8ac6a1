/**
 * W15 history on every device: a verified visitor on a second device is handed a token of the
 * contact's first visitor on the site, so it continues the same conversations (snapshot, live
 * events, replies) instead of a parallel copy. A visitor row keeps its own `token_hash`; extra
 * tokens for it live here, each stored hashed like the first.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function visitorTokensMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  const primaryId = (col: ColumnDefinitionBuilder) => (driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('visitor_tokens')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('visitor_id', big, (c) => c.notNull().references('visitors.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        // The device's own visitor the token was handed to: identify again there replaces it.
        .addColumn('for_visitor_id', big, (c) => c.notNull().references('visitors.id'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visitor_tokens_visitor').on('visitor_tokens').column('visitor_id').execute();
      await db.schema.createIndex('visitor_tokens_for_visitor').on('visitor_tokens').column('for_visitor_id').execute();
    },
  };
}
