/**
 * A10 retention: a workspace may keep closed conversations for N days only. A durable
 * `retention:<workspace>` deadline (unique key) deletes those closed longer ago than that, a batch
 * per run, and schedules itself again: at once while more are due, else a day later. It survives
 * restarts and fires once per due time on one node, like every deadline. Setting the policy runs
 * it now; clearing it (null) cancels it. Contacts stay (their data rights are separate); leads
 * stay without the conversation link.
 */
import { CONTACT_LIMITS, type RetentionSettings } from '@parley/protocol';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { StorageDriver } from '../../storage/drivers/driver.js';
import type { AppContext } from '../context.js';
import { cancelDeadline, scheduleDeadline } from '../deadlines/deadlineStore.js';
import { DomainError } from '../errors.js';
import { purgeConversations } from './purgeRows.js';

const DAY = 24 * 60 * 60 * 1000;
/** Conversations deleted per run, so one run never holds the database for long. */
const BATCH = 200;

export const retentionKey = (workspaceId: number) => `retention:${workspaceId}`;

export async function getRetention(ctx: AppContext, workspaceId: number): Promise<RetentionSettings> {
  const row = await ctx.storage.db.selectFrom('workspaces').select('retention_days').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return { retentionDays: row.retention_days === null ? null : Number(row.retention_days) };
}

export async function setRetention(ctx: AppContext, workspaceId: number, retentionDays: number | null): Promise<RetentionSettings> {
  if (retentionDays !== null && (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > CONTACT_LIMITS.retentionMaxDays)) {
    throw new DomainError('validation_failed', `retentionDays: 1–${CONTACT_LIMITS.retentionMaxDays} or null`);
  }
  return inTransaction(ctx, async (uow) => {
    await uow.trx.updateTable('workspaces').set({ retention_days: retentionDays }).where('id', '=', workspaceId).execute();
    if (retentionDays === null) await cancelDeadline(uow.trx, retentionKey(workspaceId));
    else await scheduleDeadline(uow.trx, { key: retentionKey(workspaceId), kind: 'retention', workspaceId, dueAt: uow.now }, uow.now);
    return { retentionDays };
  });
}

/** The `retention:<workspace>` deadline came due. */
export async function retentionDue(uow: UnitOfWork, driver: StorageDriver, workspaceId: number): Promise<void> {
  const { trx, now } = uow;
  const workspace = await trx.selectFrom('workspaces').select('retention_days').where('id', '=', workspaceId).executeTakeFirst();
  if (!workspace || workspace.retention_days === null) return;
  const cutoff = now - Number(workspace.retention_days) * DAY;
  const expired = await trx
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'closed')
    .where('closed_at', '<', cutoff)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  await purgeConversations(uow, driver, expired.map((c) => Number(c.id)));
  const next = expired.length === BATCH ? now : now + DAY;
  await scheduleDeadline(trx, { key: retentionKey(workspaceId), kind: 'retention', workspaceId, dueAt: next }, now);
}
