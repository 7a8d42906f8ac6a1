/**
 * Deleting for good (A10): conversations with everything that hangs off them, and rows of any
 * table that points at a visitor or a contact. Tables are found by their columns at run time
 * (`conversation_id`, `visitor_id`, `contact_id`), so a table added later is covered without
 * anyone remembering to list it here; the ones with an order to respect are handled first.
 * Message search index rows go with their messages (SQLite FTS triggers, PostgreSQL's generated
 * column).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import type { StorageDriver } from '../../storage/drivers/driver.js';
import type { Database } from '../../storage/schema.js';

/** Bound parameters per statement stay far below both databases' limits. */
const CHUNK = 500;

function chunks<T>(ids: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

async function tablesWithColumn(db: Kysely<Database>, driver: StorageDriver, column: string): Promise<string[]> {
  const query: RawBuilder<{ name: string }> =
    driver.name === 'sqlite'
      ? sql`select m.name as name from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table' and p.name = ${column}`
      : sql`select c.table_name as name from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name = ${column}`;
  const { rows } = await query.execute(db);
  return rows.map((row) => row.name);
}

/** Deletes `where <column> in ids` from every table with that column except those named. */
export async function deleteEverywhere(uow: UnitOfWork, driver: StorageDriver, column: string, ids: number[], except: string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const table of await tablesWithColumn(uow.trx, driver, column)) {
    if (except.includes(table)) continue;
    for (const part of chunks(ids)) await sql`delete from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(part)})`.execute(uow.trx);
  }
}

/** Optional hook of drivers that keep attachment bytes outside the attachments table. */
interface BytesStore {
  remove(db: Kysely<Database>, key: string): Promise<void>;
}

/**
 * Removes conversations and everything of theirs: feed rows, offers and their deadlines, the
 * conversation's own deadlines, messages (and so search index rows), attachments and their bytes,
 * and rows of any other table with a conversation_id. Leads keep existing without the link.
 */
export async function purgeConversations(uow: UnitOfWork, driver: StorageDriver, conversationIds: number[]): Promise<void> {
  if (conversationIds.length === 0) return;
  const { trx } = uow;
  for (const ids of chunks(conversationIds)) {
    const offers = await trx.selectFrom('offers').select('id').where('conversation_id', 'in', ids).execute();
    const keys = [
      ...ids.flatMap((id) => [`route:${id}`, `inactive:${id}`, `missed-email:${id}`, `snooze:${id}`]),
      ...offers.map((offer) => `offer:${offer.id}`),
    ];
    for (const part of chunks(keys)) await trx.deleteFrom('deadlines').where('key', 'in', part).execute();
    // Any other deadline about these conversations (emails and whatever comes later) names it in its payload.
    for (const id of ids) {
      await trx
        .deleteFrom('deadlines')
        .where((eb) => eb.or([eb('payload', 'like', `%"conversationId":${id},%`), eb('payload', 'like', `%"conversationId":${id}}%`)]))
        .execute();
    }
    await trx.deleteFrom('feed').where('conversation_id', 'in', ids).execute();
    await trx.deleteFrom('offers').where('conversation_id', 'in', ids).execute();
    await trx.updateTable('leads').set({ conversation_id: null }).where('conversation_id', 'in', ids).execute();
    await trx.deleteFrom('messages').where('conversation_id', 'in', ids).execute();
    await removeAttachmentBytes(uow, driver, ids);
  }
  await deleteEverywhere(uow, driver, 'conversation_id', conversationIds, ['conversations', 'feed', 'offers', 'messages', 'leads']);
  for (const ids of chunks(conversationIds)) await trx.deleteFrom('conversations').where('id', 'in', ids).execute();
}

async function removeAttachmentBytes(uow: UnitOfWork, driver: StorageDriver, conversationIds: number[]): Promise<void> {
  const store = (driver as { attachmentBytes?: BytesStore }).attachmentBytes;
  if (!store || !(await tablesWithColumn(uow.trx, driver, 'conversation_id')).includes('attachments')) return;
  const { rows } = await sql<{ key: string }>`select key from attachments where conversation_id in (${sql.join(conversationIds)})`.execute(uow.trx);
  for (const { key } of rows) await store.remove(uow.trx, key);
}
