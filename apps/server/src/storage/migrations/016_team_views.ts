/**
 * Team views and scalable inbox lists (I3, I5, I8): a conversation remembers the team it was
 * routed or reassigned to (`team_id`, null = no team), the workspace decides whether agents get
 * the All view (`agents_see_all`, 1 = yes, as before), and the list queries page by keyset
 * (activity time or closing time, then id), so each sort order gets an index that starts with
 * the workspace and status and ends with the keyset.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function teamViewsMigration(driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('conversations').addColumn('team_id', driver.bigintType).execute();
      await db.schema.alterTable('workspaces').addColumn('agents_see_all', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.createIndex('conversations_list_activity').on('conversations').columns(['workspace_id', 'status', 'updated_at', 'id']).execute();
      await db.schema.createIndex('conversations_list_closed').on('conversations').columns(['workspace_id', 'status', 'closed_at', 'id']).execute();
      await db.schema.createIndex('conversations_team').on('conversations').columns(['team_id', 'status', 'updated_at', 'id']).execute();
    },
  };
}
