/**
 * Failed sign-ins per account (email), so repeated failures slow down on every node and survive
 * restarts; the per-address rate limit alone lets an attacker with many addresses guess on.
 * One row per email that failed recently, including emails with no account (so a lock says
 * nothing about whether the account exists); success deletes the row.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function loginThrottleMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('login_throttle')
        .addColumn('email', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', big, (c) => c.notNull())
        .addColumn('locked_until', big, (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('login_throttle').execute();
    },
  };
}
