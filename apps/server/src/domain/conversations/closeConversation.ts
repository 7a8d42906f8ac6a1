/**
 * Ends a conversation, by its visitor (W13 "End chat") or a user (I6 "Close conversation").
 * Closing is final: nothing reopens a closed conversation, and ending an already closed one
 * changes nothing.
 */
import type { CloseReason, ConversationSummary } from '@parley/protocol';
import { sql } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow, VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { appendMessage } from './appendMessage.js';
import { loadConversationRow } from './loadConversation.js';
import { assertCanRead } from './policies.js';
import { loadSummary } from './presenters.js';

export type Closer = { kind: 'user'; user: UserRow } | { kind: 'visitor'; visitor: VisitorRow };

const CLOSING_LINES: Record<CloseReason, (name: string) => string> = {
  agent_closed: (name) => `${name} closed the chat`,
  visitor_ended: () => 'The visitor ended the chat',
  inactive: () => 'The chat ended after a period of inactivity',
};

export async function closeConversation(ctx: AppContext, closer: Closer, conversationId: number): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const { trx, now } = uow;
    const conversation = await loadConversationRow(trx, conversationId);
    if (closer.kind === 'visitor') {
      if (!conversation || conversation.visitor_id !== closer.visitor.id) throw new DomainError('not_found');
    } else {
      assertCanRead(closer.user, conversation);
    }
    if (conversation!.status === 'closed') {
      return loadSummary(trx, conversationId);
    }
    const reason: CloseReason = closer.kind === 'visitor' ? 'visitor_ended' : 'agent_closed';
    await appendMessage(uow, conversationId, {
      author: { kind: 'system', name: 'Parley' },
      body: CLOSING_LINES[reason](closer.kind === 'user' ? closer.user.name : ''),
    });
    await trx
      .updateTable('conversations')
      .set({ status: 'closed', closed_at: now, close_reason: reason, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', conversationId)
      .where('status', '=', 'open')
      .execute();
    const summary = await loadSummary(trx, conversationId);
    uow.emit({ type: 'conversation.closed', workspaceId: conversation!.workspace_id, conversation: summary });
    return summary;
  });
}
