/**
 * Ticket properties (issue 12): agent-only fields on a conversation. `priority` is one of four
 * fixed levels (list filters read the column directly), `category` free text, and `properties`
 * the workspace's custom properties as a JSON object of strings, keyed by the definitions an
 * admin keeps on the workspace (`ticket_properties`, a JSON array replaced as a whole). Each
 * chatflow carries the values a new conversation starts with (`ticket_defaults`, JSON).
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function ticketPropertiesMigration(_driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('conversations').addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal')).execute();
      await db.schema.alterTable('conversations').addColumn('category', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('properties', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema.alterTable('chatflows').addColumn('ticket_defaults', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema.alterTable('workspaces').addColumn('ticket_properties', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    },
  };
}
