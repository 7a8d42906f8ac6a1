/**
 * Message notices (W16): system lines ("<name> joined the chat", the closing lines) also store
 * what they mean as JSON, so the widget words them in the chatflow's language and the agent alias
 * replaces a name without reading English. Older rows have none and show their body.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function messageNoticesMigration(_driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('messages').addColumn('notice', 'text').execute();
    },
  };
}
