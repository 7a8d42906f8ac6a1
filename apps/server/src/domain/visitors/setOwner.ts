/**
 * I7/R1: the contact owner of the visitor behind a conversation. Contact-owner routing sends the
 * visitor's next chats to this user.
 */
import type { ConversationSummary } from '@parley/protocol';
import { sql } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { loadConversationRow } from '../conversations/loadConversation.js';
import { assertCanRead } from '../conversations/policies.js';
import { loadSummary } from '../conversations/presenters.js';
import { DomainError } from '../errors.js';

export async function setVisitorOwner(ctx: AppContext, actor: UserRow, conversationId: number, ownerId: number | null): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const conversation = await loadConversationRow(uow.trx, conversationId);
    assertCanRead(actor, conversation);
    if (ownerId !== null) {
      const owner = await uow.trx.selectFrom('users').select('id').where('id', '=', ownerId).where('workspace_id', '=', actor.workspace_id).executeTakeFirst();
      if (!owner) throw new DomainError('validation_failed', 'no such user in this workspace');
    }
    await uow.trx.updateTable('visitors').set({ owner_id: ownerId }).where('id', '=', conversation.visitor_id).execute();
    await uow.trx.updateTable('conversations').set({ version: sql<number>`version + 1`, updated_at: uow.now }).where('id', '=', conversationId).execute();
    const summary = await loadSummary(uow.trx, conversationId);
    uow.emit({ type: 'conversation.updated', workspaceId: actor.workspace_id, conversation: summary });
    return summary;
  });
}
