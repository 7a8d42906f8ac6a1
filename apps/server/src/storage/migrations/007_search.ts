/**
 * Search (I9): a full-text index over what visitors and agents wrote, and a short searchable
 * column of each visitor's name and email for contacts. Both are filled from existing rows here,
 * so an upgraded installation finds its history at once. The SQL differs by database and lives
 * in drivers/fullTextSearch.ts.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function searchMigration(driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await driver.search.migrate(db);
    },
  };
}
