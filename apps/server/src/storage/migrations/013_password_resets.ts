/**
 * I1: password reset by email, and deleting users.
 *
 * `password_resets` holds one row per mailed link: only the token's hash (a leaked database hands
 * out no live links), its expiry (1 hour) and `used_at`, set by the one confirm that wins.
 *
 * `users.deleted_at`: a deleted user's row stays, because their messages and past assignments
 * point at it and the thread must keep showing who wrote what. On delete the email is replaced by
 * an unroutable placeholder (the address is free to be invited again), the password hash and
 * avatar are cleared and `deactivated_at` is set too, so every existing "not deactivated" rule
 * (sign-in, sockets, routing) already keeps them out; `deleted_at` only hides them from lists.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function passwordResetsMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  const primaryId = (col: ColumnDefinitionBuilder) => (driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('password_resets')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('used_at', big)
        .execute();
      await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
      await db.schema.alterTable('users').addColumn('deleted_at', big).execute();
    },
  };
}
