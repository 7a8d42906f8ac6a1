/**
 * Things that may let a waiting chat move on (capacity freed, a user online, a new chat) schedule
 * a queue drain as a durable deadline due now, in the transaction of the change. Each trigger has
 * its own key: a drain that is already running cannot swallow a wake-up that arrived after it
 * read the queue.
 */
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { scheduleDeadline } from '../deadlines/deadlineStore.js';

export async function scheduleDrain(uow: UnitOfWork, workspaceId: number, cause: string): Promise<void> {
  await scheduleDeadline(uow.trx, { key: `drain:${workspaceId}:${cause}`, kind: 'drain_queue', workspaceId, dueAt: uow.now }, uow.now);
}
