/**
 * Chatflows a business builds (issue 9): several per site, each with a language, targeting rules,
 * a Published switch (the former `enabled` column) and a priority. Deleting one is soft
 * (`deleted_at`): its conversations keep their chatflow for routing and history, while every
 * list, the widget and new chats no longer see it. `is_default` stays in the table for old rows
 * but decides nothing any more. Sites remember when a page outside Parley last loaded the widget
 * (the Install page's "it works"), users get extra grants (A3) and workspaces the setup flag (A1).
 */
import { sql, type Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export const EMPTY_TARGETING_JSON = '{"groups":[],"exclusions":[]}';

export function chatflowsMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('chatflows').renameColumn('enabled', 'published').execute();
      await db.schema.alterTable('chatflows').addColumn('language', 'text', (c) => c.notNull().defaultTo('en')).execute();
      await db.schema.alterTable('chatflows').addColumn('targeting', 'text', (c) => c.notNull().defaultTo(EMPTY_TARGETING_JSON)).execute();
      await db.schema.alterTable('chatflows').addColumn('deleted_at', big).execute();
      await db.schema.createIndex('chatflows_site').on('chatflows').columns(['site_id', 'priority', 'id']).execute();

      await db.schema.alterTable('sites').addColumn('widget_seen_at', big).execute();
      await db.schema.alterTable('sites').addColumn('widget_seen_url', 'text').execute();

      await db.schema.alterTable('users').addColumn('permissions', 'text', (c) => c.notNull().defaultTo('[]')).execute();

      await db.schema.alterTable('workspaces').addColumn('setup_completed_at', big).execute();
      // A workspace that existed before the wizard was set up by hand already: do not send its
      // admins through the wizard after an upgrade.
      await sql`update workspaces set setup_completed_at = created_at`.execute(db);
    },
  };
}
