/**
 * I2 presence across nodes. Each node stores, per user, how many inbox sockets it holds and
 * refreshes the rows with a heartbeat; a user is connected while any node has a fresh row, or
 * within the grace period after the last socket closed. When the grace period ends with no
 * socket back, the user is set away (reason `disconnected`) through a durable deadline; the next
 * connection sets them online again.
 */
import type { Kysely } from 'kysely';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { Database } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { cancelDeadline, deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';
import { withdrawOffersOfAwayUser } from '../routing/offers.js';
import { scheduleDrain } from '../routing/triggers.js';
import { loadUserSummary } from '../users/presenters.js';
import { PRESENCE_STALE_MS } from './connected.js';

async function liveElsewhere(db: Kysely<Database>, userId: number, nodeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('presence')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('node_id', '!=', nodeId)
    .where('sockets', '>', 0)
    .where('seen_at', '>', Date.now() - PRESENCE_STALE_MS)
    .executeTakeFirst();
  return row !== undefined;
}

/** This node's socket count for the user changed; `sockets` is the new count on this node. */
export async function recordSockets(ctx: AppContext, workspaceId: number, userId: number, sockets: number): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const { trx } = uow;
    if (sockets > 0) {
      await trx
        .insertInto('presence')
        .values({ node_id: ctx.nodeId, user_id: userId, workspace_id: workspaceId, sockets, seen_at: Date.now() })
        .onConflict((oc) => oc.columns(['node_id', 'user_id']).doUpdateSet({ sockets, seen_at: Date.now() }))
        .execute();
      await userCameBack(uow, userId);
      return;
    }
    await trx.deleteFrom('presence').where('node_id', '=', ctx.nodeId).where('user_id', '=', userId).execute();
    if (await liveElsewhere(trx, userId, ctx.nodeId)) return;
    await startGrace(uow, ctx, workspaceId, userId);
  });
}

async function userCameBack(uow: UnitOfWork, userId: number): Promise<void> {
  const { trx, now } = uow;
  const before = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  await cancelDeadline(trx, deadlineKeys.presenceGrace(userId));
  const restore = before.availability === 'away' && before.away_reason === 'disconnected';
  await trx
    .updateTable('users')
    .set(restore ? { grace_until: null, availability: 'online', away_reason: null } : { grace_until: null })
    .where('id', '=', userId)
    .execute();
  const summary = await loadUserSummary(trx, userId, now);
  uow.emit({ type: 'user.updated', workspaceId: before.workspace_id, user: summary });
  if (summary.availability === 'online') await scheduleDrain(uow, before.workspace_id, `connect:${userId}:${now}`);
}

async function startGrace(uow: UnitOfWork, ctx: AppContext, workspaceId: number, userId: number): Promise<void> {
  const graceUntil = uow.now + ctx.config.presenceGraceSeconds * 1000;
  await uow.trx.updateTable('users').set({ grace_until: graceUntil }).where('id', '=', userId).execute();
  await scheduleDeadline(uow.trx, { key: deadlineKeys.presenceGrace(userId), kind: 'presence_grace', workspaceId, dueAt: graceUntil, payload: { userId } }, uow.now);
}

/** The presence_grace deadline: no socket came back in time. */
export async function graceEnded(uow: UnitOfWork, ctx: AppContext, userId: number): Promise<void> {
  if (await liveElsewhere(uow.trx, userId, '')) return;
  const user = await uow.trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return;
  const away = user.availability === 'online';
  await uow.trx
    .updateTable('users')
    .set(away ? { grace_until: null, availability: 'away', away_reason: 'disconnected' } : { grace_until: null })
    .where('id', '=', userId)
    .execute();
  uow.emit({ type: 'user.updated', workspaceId: user.workspace_id, user: await loadUserSummary(uow.trx, userId, uow.now) });
  if (away) await withdrawOffersOfAwayUser(uow, ctx, user.workspace_id, userId);
}

/**
 * Heartbeat: refresh this node's rows, and clean up after nodes that stopped heartbeating
 * (crashed): their users get the same grace period as after a normal disconnect.
 */
export async function heartbeat(ctx: AppContext, counts: Map<number, { workspaceId: number; sockets: number }>): Promise<void> {
  const db = ctx.storage.db;
  const seenAt = Date.now();
  for (const [userId, { workspaceId, sockets }] of counts) {
    await db
      .insertInto('presence')
      .values({ node_id: ctx.nodeId, user_id: userId, workspace_id: workspaceId, sockets, seen_at: seenAt })
      .onConflict((oc) => oc.columns(['node_id', 'user_id']).doUpdateSet({ sockets, seen_at: seenAt }))
      .execute();
  }
  const stale = await db.selectFrom('presence').select(['user_id', 'workspace_id']).where('seen_at', '<=', seenAt - PRESENCE_STALE_MS).execute();
  if (stale.length === 0) return;
  await db.deleteFrom('presence').where('seen_at', '<=', seenAt - PRESENCE_STALE_MS).execute();
  for (const row of stale) {
    await inTransaction(ctx, async (uow) => {
      if (await liveElsewhere(uow.trx, row.user_id, '')) return;
      await startGrace(uow, ctx, row.workspace_id, row.user_id);
    });
  }
}

/** Graceful shutdown: this node's sockets are gone; their users get the grace period to reconnect elsewhere. */
export async function nodeStopping(ctx: AppContext, counts: Map<number, { workspaceId: number }>): Promise<void> {
  for (const [userId, { workspaceId }] of counts) await recordSockets(ctx, workspaceId, userId, 0);
}
