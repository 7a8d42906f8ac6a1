/**
 * I8: each user's notification choices (browser, sound and email per kind), one row per user.
 * No row means the defaults (DEFAULT_NOTIFICATION_PREFERENCES in the protocol), so existing
 * users need no backfill. The choices are JSON text: they are read and written whole, never
 * queried by field, and new kinds then need no migration.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function notificationPrefsMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('notification_prefs')
        .addColumn('user_id', big, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
    },
  };
}
