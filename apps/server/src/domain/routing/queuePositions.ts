/**
 * Places in line (W7 at capacity): every queued chat of a chatflow numbered in arrival order,
 * with an estimated wait; only rows whose numbers changed are written and announced. Runs from a
 * durable deadline at most once per QUEUE_POSITIONS_EVERY_MS per chatflow, so a burst of arrivals
 * or departures renumbers a long line once, not once per chat.
 */
import { sql } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { loadSummary } from '../conversations/presenters.js';
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
  for (const [index, conversation] of line.entries()) {
    const position = index + 1;
    const wait = estimate(position);
    if (conversation.queue_position === position && conversation.queue_wait_seconds === wait) continue;
    await uow.trx
      .updateTable('conversations')
      .set({ queue_position: position, queue_wait_seconds: wait, version: sql<number>`version + 1`, updated_at: uow.now })
      .where('id', '=', conversation.id)
      .execute();
    uow.emit({ type: 'conversation.updated', workspaceId: conversation.workspace_id, conversation: await loadSummary(uow.trx, conversation.id) });
  }
}
