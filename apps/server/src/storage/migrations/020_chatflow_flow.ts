/**
 * W8: a chatflow's flow of cards (JSON, see @parley/protocol `FlowBranch`). Existing chatflows get
 * the flow that behaves as they did: their welcome message, then live chat with their routing's
 * fallback message as the offline message.
 */
import type { Kysely } from 'kysely';
import { flowFromBehaviour } from '../../domain/chatflows/chatflowFlow.js';
import { parseLanguage } from '../../domain/chatflows/presenters.js';
import type { StorageDriver } from '../drivers/driver.js';

interface Row {
  id: number;
  language: string;
  settings: string;
  routing: string;
}

export function chatflowFlowMigration(_driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('chatflows').addColumn('flow', 'text').execute();
      const rows = (await (db as Kysely<{ chatflows: Row }>).selectFrom('chatflows').select(['id', 'language', 'settings', 'routing']).execute()) as Row[];
      for (const row of rows) {
        const flow = flowFromBehaviour(parseLanguage(row.language), row.routing);
        await (db as Kysely<{ chatflows: Row & { flow: string } }>).updateTable('chatflows').set({ flow: JSON.stringify(flow) }).where('id', '=', row.id).execute();
      }
    },
  };
}
