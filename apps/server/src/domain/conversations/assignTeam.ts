/**
 * Reassign to a team (I5): the conversation becomes the team's and unassigned within it; the
 * routing drain then offers it to the team's members in round-robin order, like a chat of a
 * team chatflow (routingPool.ts follows `team_id` first). Whoever may assign the chat may move
 * it to a team; a pending offer is withdrawn, since a hand-made move wins over routing.
 */
import type { ConversationSummary } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { setAssignee } from './assignConversation.js';
import { loadConversationRow } from './loadConversation.js';
import { assertCanAssign } from './policies.js';

export async function assignToTeam(ctx: AppContext, actor: UserRow, conversationId: number, teamId: number): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const conversation = await loadConversationRow(uow.trx, conversationId);
    assertCanAssign(actor, conversation);
    const team = await uow.trx.selectFrom('teams').select('id').where('id', '=', teamId).where('workspace_id', '=', actor.workspace_id).executeTakeFirst();
    if (!team) throw new DomainError('validation_failed', 'teamId: no such team in this workspace');
    await uow.trx.updateTable('conversations').set({ team_id: teamId }).where('id', '=', conversationId).execute();
    // Unassigned within the team: back in line (the drain is scheduled), announced with the team.
    return setAssignee(uow, conversationId, conversation.assignee_id, null, actor.workspace_id);
  });
}
