/**
 * Macros (A6): canned replies an agent inserts with `/shortcut`. A null owner is a shared macro
 * (managed by admins); otherwise it belongs to one user. A shortcut is unique within its scope,
 * and since unique indexes treat nulls as distinct, each scope gets its own partial index.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function macrosMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  const primaryId = (col: ColumnDefinitionBuilder) => (driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('macros')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('owner_user_id', big, (c) => c.references('users.id'))
        .addColumn('shortcut', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await sql`create unique index macros_shared_shortcut on macros (workspace_id, shortcut) where owner_user_id is null`.execute(db);
      await sql`create unique index macros_personal_shortcut on macros (workspace_id, owner_user_id, shortcut) where owner_user_id is not null`.execute(db);
    },
  };
}
