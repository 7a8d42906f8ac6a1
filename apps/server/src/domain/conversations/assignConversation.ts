/**
 * Assign to a user (including "Assign to me") or back to Unassigned (I5). Assigning a user posts
 * "<name> joined the chat" so the visitor sees who took over (W2); its notice lets the widget say
 * it in the chatflow's language (W16).
 */
import type { ConversationSummary } from '@parley/protocol';
import { sql } from 'kysely';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { withdrawOffers } from '../routing/offerRecords.js';
import { scheduleDrain } from '../routing/triggers.js';
import { scheduleAssignedEmail } from '../notifications/emailDeadlines.js';
import { appendMessage } from './appendMessage.js';
import { loadConversationRow } from './loadConversation.js';
import { assertCanAssign } from './policies.js';
import { loadSummary } from './presenters.js';

export async function assignConversation(
  ctx: AppContext,
  actor: UserRow,
  conversationId: number,
  assigneeId: number | null,
): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const conversation = await loadConversationRow(uow.trx, conversationId);
    assertCanAssign(actor, conversation);
    if (conversation.assignee_id === assigneeId) {
      return loadSummary(uow.trx, conversationId);
    }
    const summary = await setAssignee(uow, conversationId, conversation.assignee_id, assigneeId, actor.workspace_id);
    // Handed to someone else: they may be away and want an email (I8); taking it yourself is not news.
    if (assigneeId !== null && assigneeId !== actor.id) await scheduleAssignedEmail(uow, actor.workspace_id, conversationId, assigneeId);
    return summary;
  });
}

/** Shared with replies: replying to an unassigned conversation assigns it to the replier. */
export async function setAssignee(
  uow: UnitOfWork,
  conversationId: number,
  previousAssigneeId: number | null,
  assigneeId: number | null,
  workspaceId: number,
  /**
   * Accepting an offer moves the user's load from "pending offer" to "open chat": nothing is
   * freed, so there is no reason to wake the queue.
   */
  options: { fromAcceptedOffer?: boolean } = {},
): Promise<ConversationSummary> {
  const { trx, now } = uow;
  let assignee: Pick<UserRow, 'id' | 'name'> | undefined;
  if (assigneeId !== null) {
    assignee = await trx
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', '=', assigneeId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!assignee) throw new DomainError('validation_failed', 'no such user in this workspace');
  }
  // A hand-made assignment wins over routing: a pending offer is withdrawn. Back to Unassigned
  // puts the chat back into routing. Either way capacity moved, so the queue may move too.
  await withdrawOffers(uow, conversationId);
  await trx
    .updateTable('conversations')
    .set({
      assignee_id: assigneeId,
      routing_state: assigneeId === null ? 'queued' : 'assigned',
      queue_position: null,
      queue_wait_seconds: null,
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', conversationId)
    .execute();
  if (!options.fromAcceptedOffer) await scheduleDrain(uow, workspaceId, `assign:${conversationId}:${now}`);
  if (assignee) {
    await appendMessage(uow, conversationId, {
      author: { kind: 'system', name: 'Parley' },
      body: `${assignee.name} joined the chat`,
      notice: { type: 'joined', name: assignee.name },
    });
  }
  const summary = await loadSummary(trx, conversationId);
  uow.emit({ type: 'conversation.assigned', workspaceId, conversation: summary, previousAssigneeId });
  return summary;
}
