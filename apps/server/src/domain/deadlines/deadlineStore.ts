/**
 * Durable deadlines (R6). Domain code schedules them inside its own transaction, so a deadline
 * exists exactly when the change that needs it committed. The runner (scheduling/) leases due
 * rows and completes each inside the transaction of its effect: a deadline fires once, on one
 * node, and still fires after a restart.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { StorageDriver } from '../../storage/drivers/driver.js';
import type { Database, DeadlineRow } from '../../storage/schema.js';

export type DeadlineKind = 'route' | 'offer_expiry' | 'inactivity' | 'drain_queue' | 'queue_positions' | 'presence_grace' | 'missed_chat_email' | 'snooze' | 'new_conversation_email' | 'assigned_email' | 'retention' | 'flow_offline';

export interface NewDeadline {
  key: string;
  kind: DeadlineKind;
  workspaceId: number;
  dueAt: number;
  payload?: Record<string, unknown>;
}

export const deadlineKeys = {
  route: (conversationId: number) => `route:${conversationId}`,
  offerExpiry: (offerId: number) => `offer:${offerId}`,
  inactivity: (conversationId: number) => `inactive:${conversationId}`,
  drainQueue: (workspaceId: number) => `drain:${workspaceId}`,
  presenceGrace: (userId: number) => `presence:${userId}`,
  missedChatEmail: (conversationId: number) => `missed-email:${conversationId}`,
  snooze: (conversationId: number) => `snooze:${conversationId}`,
  newConversationEmail: (conversationId: number) => `new-chat-email:${conversationId}`,
  assignedEmail: (conversationId: number, userId: number) => `assigned-email:${conversationId}:${userId}`,
  flowOffline: (conversationId: number) => `flow-offline:${conversationId}`,
};

function newDeadlineRow(deadline: NewDeadline, now: number) {
  return {
    key: deadline.key,
    kind: deadline.kind,
    workspace_id: deadline.workspaceId,
    due_at: deadline.dueAt,
    payload: JSON.stringify(deadline.payload ?? {}),
    lease_owner: null,
    lease_until: null,
    attempts: 0,
    created_at: now,
  };
}

/**
 * Creates the deadline, or moves an existing one with the same key. Moving releases any lease,
 * and the lease holder's completion then fails (see completeDeadline), so it never deletes the
 * moved deadline by mistake.
 */
export async function scheduleDeadline(trx: Kysely<Database>, deadline: NewDeadline, now: number): Promise<void> {
  await trx
    .insertInto('deadlines')
    .values(newDeadlineRow(deadline, now))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        due_at: deadline.dueAt,
        kind: deadline.kind,
        payload: JSON.stringify(deadline.payload ?? {}),
        lease_owner: null,
        lease_until: null,
      }),
    )
    .execute();
}

/** scheduleDeadline for many new keys at once (fresh keys such as new offers' expiries). */
export async function scheduleNewDeadlines(trx: Kysely<Database>, deadlines: NewDeadline[], now: number): Promise<void> {
  if (deadlines.length === 0) return;
  await trx
    .insertInto('deadlines')
    .values(deadlines.map((deadline) => newDeadlineRow(deadline, now)))
    .execute();
}

/** Like scheduleDeadline, but an existing deadline with this key keeps the earlier due time. */
export async function scheduleDeadlineNoLaterThan(trx: Kysely<Database>, deadline: NewDeadline, now: number): Promise<void> {
  const existing = await trx.selectFrom('deadlines').select('due_at').where('key', '=', deadline.key).executeTakeFirst();
  if (existing && existing.due_at <= deadline.dueAt) return;
  await scheduleDeadline(trx, deadline, now);
}

export async function cancelDeadline(trx: Kysely<Database>, key: string): Promise<void> {
  await trx.deleteFrom('deadlines').where('key', '=', key).execute();
}

/**
 * Leases up to `limit` due deadlines for this node. On PostgreSQL, `skip locked` lets nodes
 * claim side by side without waiting on each other; SQLite has one writer anyway.
 */
export async function leaseDueDeadlines(
  db: Kysely<Database>,
  driver: StorageDriver,
  nodeId: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<DeadlineRow[]> {
  const due = db
    .selectFrom('deadlines')
    .select('id')
    .where('due_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('due_at')
    .limit(limit);
  const claimable = driver.supportsSkipLocked ? due.forUpdate().skipLocked() : due;
  return db
    .updateTable('deadlines')
    .set({ lease_owner: nodeId, lease_until: now + leaseMs, attempts: sql<number>`attempts + 1` })
    .where('id', 'in', claimable)
    .returningAll()
    .execute();
}

/**
 * Deletes a leased deadline inside the transaction of its effect. False when this node no
 * longer holds it (it was moved, cancelled or re-leased): the caller must then roll back.
 */
export async function completeDeadline(trx: Transaction<Database> | Kysely<Database>, deadline: DeadlineRow, nodeId: string): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('deadlines')
    .where('id', '=', deadline.id)
    .where('lease_owner', '=', nodeId)
    .where('due_at', '=', deadline.due_at)
    .returning('id')
    .executeTakeFirst();
  return deleted !== undefined;
}

/**
 * completeDeadline for a whole group (the route and drain deadlines one drain serves) in one
 * statement; returns how many this node still held.
 */
export async function completeDeadlines(trx: Transaction<Database>, deadlines: DeadlineRow[], nodeId: string): Promise<number> {
  if (deadlines.length === 1) return (await completeDeadline(trx, deadlines[0]!, nodeId)) ? 1 : 0;
  const deleted = await trx
    .deleteFrom('deadlines')
    .where((eb) => eb(eb.refTuple('id', 'due_at'), 'in', deadlines.map((d) => eb.tuple(d.id, d.due_at))))
    .where('lease_owner', '=', nodeId)
    .returning('id')
    .execute();
  return deleted.length;
}

/** After a failed attempt: try again later, with a growing delay. */
export async function retryDeadlineLater(db: Kysely<Database>, deadline: DeadlineRow, nodeId: string, now: number): Promise<void> {
  const delay = Math.min(60_000 * 15, 1000 * 2 ** Math.min(deadline.attempts, 10));
  await db
    .updateTable('deadlines')
    .set({ due_at: now + delay, lease_owner: null, lease_until: null })
    .where('id', '=', deadline.id)
    .where('lease_owner', '=', nodeId)
    .execute();
}

/** The earliest due time, so the runner can sleep until then. */
export async function nextDueAt(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom('deadlines').select((eb) => eb.fn.min('due_at').as('due')).executeTakeFirst();
  return row?.due === null || row?.due === undefined ? null : Number(row.due);
}
