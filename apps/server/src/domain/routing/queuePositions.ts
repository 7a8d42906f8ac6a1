/**
 * Places in line (W7 at capacity): every queued chat of a chatflow numbered in arrival order,
 * with an estimated wait; only rows whose numbers changed are written and announced. Runs from a
 * durable deadline at most once per QUEUE_POSITIONS_EVERY_MS per chatflow, so a burst of arrivals
 * or departures renumbers a long line once, not once per chat.
 */
import { sql } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { summaryQuery, toSummary } from '../conversations/presenters.js';
import { scheduleDeadline } from '../deadlines/deadlineStore.js';
import { loadCandidates } from './candidates.js';
import { estimateWaitSeconds } from './queueEstimate.js';

export const QUEUE_POSITIONS_EVERY_MS = 1000;

/**
 * One key per chatflow and time bucket: a pass that is already running cannot swallow a change
 * made after it read the line, because that change lands in the next bucket.
 */
export async function scheduleQueuePositions(uow: UnitOfWork, workspaceId: number, chatflowId: number): Promise<void> {
  const bucket = Math.floor(uow.now / QUEUE_POSITIONS_EVERY_MS);
  await scheduleDeadline(
    uow.trx,
    {
      key: `queue-positions:${chatflowId}:${bucket}`,
      kind: 'queue_positions',
      workspaceId,
      dueAt: (bucket + 1) * QUEUE_POSITIONS_EVERY_MS,
      payload: { chatflowId },
    },
    uow.now,
  );
}

export async function renumberQueue(uow: UnitOfWork, chatflowId: number): Promise<void> {
  const line = await uow.trx
    .selectFrom('conversations')
    .select(['id', 'workspace_id', 'queue_position', 'queue_wait_seconds'])
    .where('chatflow_id', '=', chatflowId)
    .where('status', '=', 'open')
    .where('routing_state', '=', 'queued')
    .orderBy('id')
    .execute();
  if (line.length === 0) return;
  const estimate = await estimateWaitSeconds(uow.trx, chatflowId, uow.now, await loadCandidates(uow.trx, line[0]!.workspace_id, uow.now));
  const changed = line.flatMap((conversation, index) => {
    const position = index + 1;
    const wait = estimate(position);
    return conversation.queue_position === position && conversation.queue_wait_seconds === wait ? [] : [{ id: conversation.id, position, wait }];
  });
  // A long line changes many rows at once: one statement and one summary read per chunk, not two
  // round trips per waiting chat.
  for (let i = 0; i < changed.length; i += CHUNK) {
    const chunk = changed.slice(i, i + CHUNK);
    const ids = chunk.map((row) => row.id);
    await uow.trx
      .updateTable('conversations')
      .set({
        queue_position: caseById(chunk, (row) => row.position),
        queue_wait_seconds: caseById(chunk, (row) => row.wait),
        version: sql<number>`version + 1`,
        updated_at: uow.now,
      })
      .where('id', 'in', ids)
      .execute();
    const rows = await summaryQuery(uow.trx).where('conversations.id', 'in', ids).orderBy('conversations.id').execute();
    for (const row of rows) uow.emit({ type: 'conversation.updated', workspaceId: row.workspace_id, conversation: toSummary(row) });
  }
}

const CHUNK = 200;

interface Place {
  id: number;
  position: number;
  wait: number;
}

/** `case id when … then … end`: one value per row, in both dialects (the cast types PostgreSQL's parameters). */
function caseById(rows: Place[], value: (row: Place) => number) {
  const branches = sql.join(rows.map((row) => sql`when ${row.id} then cast(${value(row)} as integer)`), sql` `);
  return sql<number>`case id ${branches} end`;
}
