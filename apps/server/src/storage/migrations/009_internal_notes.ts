/**
 * Internal notes: a message users leave each other in a conversation. The visitor never gets it
 * (live, on resume or in a snapshot), so the flag is stored on the message itself.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function internalNotesMigration(_driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('messages').addColumn('internal', 'integer', (col) => col.notNull().defaultTo(0)).execute();
    },
  };
}
