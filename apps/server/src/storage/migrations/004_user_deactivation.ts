/**
 * Deactivating a user (issue 8): `deactivated_at` is set when an admin deactivates them. Their
 * sessions are deleted then; sign-in, sockets and routing all skip users with a value here.
 * The row stays, so their messages keep their author and an admin can reactivate them.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function userDeactivationMigration(driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('deactivated_at', driver.bigintType).execute();
    },
  };
}
