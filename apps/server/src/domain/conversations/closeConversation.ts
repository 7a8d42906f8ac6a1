/**
 * Ends a conversation, by its visitor (W13 "End chat"), a user (I6 "Close conversation") or the
 * inactivity timeout (R4). Closing is final: nothing reopens a closed conversation, and ending
 * an already closed one changes nothing.
 */
import type { CloseReason, ConversationSummary, MessageNotice } from '@parley/protocol';
import { sql } from 'kysely';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { ConversationRow, UserRow, VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { cancelDeadline, deadlineKeys } from '../deadlines/deadlineStore.js';
import { DomainError } from '../errors.js';
import { withdrawOffers } from '../routing/offerRecords.js';
import { scheduleDrain } from '../routing/triggers.js';
import { appendMessage } from './appendMessage.js';
import { loadConversationRow } from './loadConversation.js';
import { assertCanRead } from './policies.js';
import { loadSummary } from './presenters.js';

export type Closer = { kind: 'user'; user: UserRow } | { kind: 'visitor'; visitor: VisitorRow };

/** The English body (inbox, API, emails) and the notice the widget words in the chatflow's language (W16). */
const CLOSING_LINES: Record<CloseReason, (name: string) => { body: string; notice: MessageNotice }> = {
  agent_closed: (name) => ({ body: `${name} closed the chat`, notice: { type: 'agentClosed', name } }),
  visitor_ended: () => ({ body: 'The visitor ended the chat', notice: { type: 'visitorEnded' } }),
  inactive: () => ({ body: 'The chat ended after a period of inactivity', notice: { type: 'inactive' } }),
};

export async function closeConversation(ctx: AppContext, closer: Closer, conversationId: number): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const conversation = await loadConversationRow(uow.trx, conversationId);
    if (closer.kind === 'visitor') {
      if (!conversation || conversation.visitor_id !== closer.visitor.id) throw new DomainError('not_found');
    } else {
      assertCanRead(closer.user, conversation);
    }
    const reason: CloseReason = closer.kind === 'visitor' ? 'visitor_ended' : 'agent_closed';
    return closeInUnitOfWork(uow, conversation!, reason, closer.kind === 'user' ? closer.user.name : '');
  });
}

/**
 * Shared by every closer. A pending offer is withdrawn, the inactivity deadline goes, and the
 * queue is woken: the assignee has a free slot now.
 */
export async function closeInUnitOfWork(uow: UnitOfWork, conversation: ConversationRow, reason: CloseReason, closerName: string): Promise<ConversationSummary> {
  const { trx, now } = uow;
  if (conversation.status === 'closed') return loadSummary(trx, conversation.id);
  await appendMessage(uow, conversation.id, { author: { kind: 'system', name: 'Parley' }, ...CLOSING_LINES[reason](closerName) });
  await withdrawOffers(uow, conversation.id);
  await trx
    .updateTable('conversations')
    .set({
      status: 'closed',
      closed_at: now,
      close_reason: reason,
      updated_at: now,
      queue_position: null,
      queue_wait_seconds: null,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', conversation.id)
    .where('status', '=', 'open')
    .execute();
  await cancelDeadline(trx, deadlineKeys.inactivity(conversation.id));
  await scheduleDrain(uow, conversation.workspace_id, `close:${conversation.id}`);
  const summary = await loadSummary(trx, conversation.id);
  uow.emit({ type: 'conversation.closed', workspaceId: conversation.workspace_id, conversation: summary });
  return summary;
}
