/**
 * Snooze (I3): an open conversation can be put away until a time. The time is stored on the
 * conversation (the Snoozed view and the counts read it); the wake-up itself is a durable
 * `snooze:<id>` deadline, so it fires once and survives a restart.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function snoozeMigration(driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('conversations').addColumn('snoozed_until', driver.bigintType).execute();
    },
  };
}
