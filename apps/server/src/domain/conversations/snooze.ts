/**
 * Snooze (I3): an agent puts an open conversation away until a time. While snoozed it is only in
 * the Snoozed view, it is not routed or offered (drainQueue skips it) and the inactivity timeout
 * does not close it (checkInactivity waits). It wakes by a durable `snooze:<id>` deadline (once,
 * on the node that leases it, also after a restart), by a visitor message (at once, in the
 * message's transaction) or by an agent's Unsnooze. Waking starts a fresh inactivity period and
 * lets routing pick the chat up again if nobody has it yet.
 */
import type { ConversationSummary } from '@parley/protocol';
import { SNOOZE_MAX_MS } from '@parley/protocol/schemas';
import { sql } from 'kysely';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { cancelDeadline, deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';
import { DomainError } from '../errors.js';
import { withdrawOffers } from '../routing/offerRecords.js';
import { parseRouting } from '../routing/routingSettings.js';
import { scheduleDrain } from '../routing/triggers.js';
import { loadConversationRow } from './loadConversation.js';
import { assertCanAct } from './policies.js';
import { loadSummary } from './presenters.js';

/** A time to snooze until must be a whole epoch-ms number in the future and at most a year ahead. */
export function assertSnoozeTime(until: unknown, now: number): asserts until is number {
  if (typeof until !== 'number' || !Number.isSafeInteger(until) || until <= now || until > now + SNOOZE_MAX_MS) {
    throw new DomainError('invalid_snooze_time');
  }
}

export async function snoozeConversation(ctx: AppContext, user: UserRow, conversationId: number, until: unknown): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const { trx, now } = uow;
    const conversation = await loadConversationRow(trx, conversationId);
    assertCanAct(user, conversation);
    assertSnoozeTime(until, now);
    // A pending offer would hand the agent a chat that is meant to be away: withdraw it, and let
    // routing start over when the chat wakes.
    await withdrawOffers(uow, conversationId);
    await trx
      .updateTable('conversations')
      .set({
        snoozed_until: until,
        routing_state: sql`case when routing_state = 'offered' then 'routing' else routing_state end`,
        updated_at: now,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', conversationId)
      .execute();
    await scheduleDeadline(
      trx,
      { key: deadlineKeys.snooze(conversationId), kind: 'snooze', workspaceId: conversation.workspace_id, dueAt: until, payload: { conversationId } },
      now,
    );
    return emitUpdated(uow, conversation.workspace_id, conversationId);
  });
}

export async function unsnoozeConversation(ctx: AppContext, user: UserRow, conversationId: number): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const conversation = await loadConversationRow(uow.trx, conversationId);
    assertCanAct(user, conversation);
    if (!(await wake(uow, conversationId))) return loadSummary(uow.trx, conversationId);
    return emitUpdated(uow, conversation.workspace_id, conversationId);
  });
}

/** The `snooze:<id>` deadline came due. */
export async function snoozeDeadlineDue(uow: UnitOfWork, conversationId: number): Promise<void> {
  const row = await uow.trx.selectFrom('conversations').select(['workspace_id', 'snoozed_until']).where('id', '=', conversationId).executeTakeFirst();
  if (!row || row.snoozed_until === null) return;
  if (row.snoozed_until > uow.now) {
    // Not yet (it was snoozed again meanwhile): come back at the new time.
    await scheduleDeadline(uow.trx, { key: deadlineKeys.snooze(conversationId), kind: 'snooze', workspaceId: row.workspace_id, dueAt: row.snoozed_until, payload: { conversationId } }, uow.now);
    return;
  }
  if (await wake(uow, conversationId)) await emitUpdated(uow, row.workspace_id, conversationId);
}

/**
 * A visitor wrote in this conversation: a snoozed one wakes now, in the message's transaction.
 * One conditional statement, so a chat that is not snoozed (nearly every message) costs one
 * cheap update that matches nothing.
 */
export async function wakeOnVisitorMessage(uow: UnitOfWork, conversationId: number): Promise<void> {
  const woken = await wake(uow, conversationId);
  if (woken) await emitUpdated(uow, woken.workspace_id, conversationId);
}

/** Clears the snooze of an open conversation; null when it was not snoozed (or is closed). */
async function wake(uow: UnitOfWork, conversationId: number): Promise<{ workspace_id: number } | null> {
  const { trx, now } = uow;
  const woken = await trx
    .updateTable('conversations')
    .set({ snoozed_until: null, last_activity_at: now, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', conversationId)
    .where('status', '=', 'open')
    .where('snoozed_until', 'is not', null)
    .returning(['workspace_id', 'chatflow_id', 'assignee_id'])
    .executeTakeFirst();
  if (!woken) return null;
  await cancelDeadline(trx, deadlineKeys.snooze(conversationId));
  // A fresh quiet period from the wake-up (R4), measured with the chatflow's timeout.
  const chatflow = await trx.selectFrom('chatflows').select('routing').where('id', '=', woken.chatflow_id).executeTakeFirstOrThrow();
  const timeoutMs = parseRouting(chatflow.routing).inactivityTimeoutMinutes * 60_000;
  await scheduleDeadline(
    trx,
    { key: deadlineKeys.inactivity(conversationId), kind: 'inactivity', workspaceId: woken.workspace_id, dueAt: now + timeoutMs, payload: { conversationId } },
    now,
  );
  // Nobody has it yet: routing skipped it while snoozed, so let it try again now.
  if (woken.assignee_id === null) await scheduleDrain(uow, woken.workspace_id, `snooze:${conversationId}`);
  return woken;
}

async function emitUpdated(uow: UnitOfWork, workspaceId: number, conversationId: number): Promise<ConversationSummary> {
  const summary = await loadSummary(uow.trx, conversationId);
  uow.emit({ type: 'conversation.updated', workspaceId, conversation: summary });
  return summary;
}
