import type { Kysely } from 'kysely';
import type { ConversationRow, Database } from '../../storage/schema.js';

/** The bare row, for policy checks before a command changes anything. */
export async function loadConversationRow(db: Kysely<Database>, id: number): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}
