/**
 * I8 emails are durable deadlines scheduled in the transaction of the event they are about, like
 * the missed-chat email: nothing is lost when a node stops right after the commit, and the unique
 * key plus the runner's completion make each one go out once.
 */
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';

/** A chat started: whoever chose it and is away or offline when it fires gets an email. */
export async function scheduleNewConversationEmail(uow: UnitOfWork, workspaceId: number, conversationId: number): Promise<void> {
  await scheduleDeadline(
    uow.trx,
    { key: deadlineKeys.newConversationEmail(conversationId), kind: 'new_conversation_email', workspaceId, dueAt: uow.now, payload: { conversationId } },
    uow.now,
  );
}

/**
 * A chat was assigned to this user: an email if they chose it and are away or offline when it
 * fires. Assigned again before it fired, the key is the same and it is sent once.
 */
export async function scheduleAssignedEmail(uow: UnitOfWork, workspaceId: number, conversationId: number, userId: number): Promise<void> {
  await scheduleDeadline(
    uow.trx,
    { key: deadlineKeys.assignedEmail(conversationId, userId), kind: 'assigned_email', workspaceId, dueAt: uow.now, payload: { conversationId, userId } },
    uow.now,
  );
}
