/**
 * `session.resume`: replay what a client missed since `lastEventId`, or hand a fresh client its
 * starting cursor (and, for visitors, a snapshot). See docs/realtime.md for the ordering proof.
 */
import { LIMITS } from '@parley/protocol';
import { latestVisitorConversation } from '../domain/conversations/queries.js';
import { DomainError } from '../domain/errors.js';
import type { Storage } from '../storage/database.js';
import type { FeedRow } from '../storage/schema.js';
import type { Principal } from './principal.js';

function audienceQuery(storage: Storage, principal: Principal, afterId: number) {
  let query = storage.db.selectFrom('feed').where('workspace_id', '=', principal.workspaceId).where('id', '>', afterId);
  if (principal.kind === 'visitor') {
    query = query.where('visitor_id', '=', principal.visitor.id);
  } else if (principal.user.role !== 'admin') {
    const userId = principal.user.id;
    query = query.where((eb) => eb.or([eb('agent_user_id', 'is', null), eb('agent_user_id', '=', userId)]));
  }
  return query;
}

/** Rows after `lastEventId` this principal may see, or `resync_required` when too far behind. */
export async function missedRows(storage: Storage, principal: Principal, lastEventId: number): Promise<FeedRow[]> {
  const rows = await audienceQuery(storage, principal, lastEventId)
    .selectAll()
    .orderBy('id')
    .limit(LIMITS.replayMaxEvents + 1)
    .execute();
  if (rows.length > LIMITS.replayMaxEvents) throw new DomainError('resync_required');
  return rows;
}

/** Highest feed id of the workspace: everything at or below it is reflected in a snapshot read next. */
export async function currentCursor(storage: Storage, workspaceId: number): Promise<number> {
  const row = await storage.db
    .selectFrom('feed')
    .select((eb) => eb.fn.max('id').as('max'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export function visitorSnapshot(storage: Storage, visitorId: number) {
  return latestVisitorConversation(storage.db, visitorId);
}
