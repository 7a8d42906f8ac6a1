/**
 * Read receipts (W12): how far each side has read a conversation, as message seqs. One column per
 * side, because the widget needs one "Seen" mark (the team's, whichever agent read) and the inbox
 * one (the visitor's). 0 = nothing read yet. Only ever raised (readReceipts.ts).
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function readReceiptsMigration(_driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('conversations').addColumn('visitor_read_seq', 'integer', (col) => col.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('conversations').addColumn('agent_read_seq', 'integer', (col) => col.notNull().defaultTo(0)).execute();
    },
  };
}
