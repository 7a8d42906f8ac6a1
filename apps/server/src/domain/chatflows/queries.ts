/**
 * Reading chatflows. "Live" = not deleted: a deleted chatflow is invisible everywhere except to
 * the conversations that already run in it (routing reads those by id).
 */
import type { Chatflow } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ChatflowRow, Database } from '../../storage/schema.js';
import { DomainError } from '../errors.js';
import { toChatflow } from './presenters.js';

/** A site's live chatflows, first shown first (priority, then id). */
export function liveChatflowsOfSite(db: Kysely<Database>, siteId: number): Promise<ChatflowRow[]> {
  return db
    .selectFrom('chatflows')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .orderBy('priority', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** The chatflow a site's widget falls back to when targeting is not asked: its first published one. */
export function firstPublishedChatflow(db: Kysely<Database>, siteId: number): Promise<ChatflowRow | undefined> {
  return db
    .selectFrom('chatflows')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .where('published', '=', 1)
    .orderBy('priority', 'asc')
    .orderBy('id', 'asc')
    .executeTakeFirst();
}

/** A published, live chatflow of this site, or undefined (the widget asked for one it may not use). */
export function publishedChatflowOfSite(db: Kysely<Database>, siteId: number, chatflowId: number): Promise<ChatflowRow | undefined> {
  return db
    .selectFrom('chatflows')
    .selectAll()
    .where('id', '=', chatflowId)
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .where('published', '=', 1)
    .executeTakeFirst();
}

/** A live chatflow of the workspace, or `not_found`. */
export async function loadLiveChatflow(db: Kysely<Database>, workspaceId: number, chatflowId: number): Promise<ChatflowRow> {
  const row = await db
    .selectFrom('chatflows')
    .selectAll()
    .where('id', '=', chatflowId)
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'no such chatflow');
  return row;
}

/** A workspace's live chatflows (optionally of one site), by site and then priority. */
export async function listChatflows(db: Kysely<Database>, workspaceId: number, siteId?: number): Promise<Chatflow[]> {
  let query = db.selectFrom('chatflows').selectAll().where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null);
  if (siteId !== undefined) query = query.where('site_id', '=', siteId);
  const rows = await query.orderBy('site_id').orderBy('priority').orderBy('id').execute();
  return rows.map(toChatflow);
}

/** The priority a chatflow added to the site gets: after its last live one. */
export async function nextPriority(db: Kysely<Database>, siteId: number): Promise<number> {
  const row = await db
    .selectFrom('chatflows')
    .select((eb) => eb.fn.max('priority').as('last'))
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const last = row?.last;
  return last === null || last === undefined ? 0 : Number(last) + 1;
}
