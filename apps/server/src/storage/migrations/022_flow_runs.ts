/**
 * W8 running the flow: where each conversation stands in its chatflow's flow of cards, so a
 * reload, another tab, a reconnect or a restarted node continues at the same card. The answers
 * given so far are kept as JSON (card id → answer label) for custom routing rules and the inbox.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function flowRunsMigration(_driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('conversations').addColumn('flow_card_id', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('flow_answers', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    },
  };
}
