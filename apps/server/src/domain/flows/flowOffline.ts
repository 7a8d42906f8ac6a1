/**
 * W8 offline branch. A conversation handed off at a live-chat card that nobody picks up within
 * the card's wait time (the durable `flow-offline:<id>` deadline), or that routing finds nobody
 * for, gets the card's offline message and runs the card's offline branch instead of the
 * routing's fallback message. Both paths go through `fallBack`, which marks the chat missed once;
 * the card id stored on the conversation moves on, so the branch runs at most once.
 */
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { withdrawOffers } from '../routing/offerRecords.js';
import { fallBack } from '../routing/fallback.js';
import { parseRouting } from '../routing/routingSettings.js';
import { findCard } from './flowTree.js';
import { loadFlowRun, runOfflineBranch } from './runFlow.js';

/** Called by fallBack: true when the conversation waits at a live-chat card, whose offline branch then ran. */
export async function offlineBranchInstead(uow: UnitOfWork, conversationId: number): Promise<boolean> {
  // Most fallbacks are of chats without a flow: one small read tells.
  const waiting = await uow.trx.selectFrom('conversations').select('flow_card_id').where('id', '=', conversationId).executeTakeFirst();
  if (!waiting || waiting.flow_card_id === null) return false;
  const run = await loadFlowRun(uow, conversationId);
  if (run.flowCardId === null) return false;
  const card = findCard(run.flow, run.flowCardId);
  if (!card || card.type !== 'liveChat') return false;
  await runOfflineBranch(uow, run, card);
  return true;
}

/** The `flow-offline:<id>` deadline: still unanswered at the same live-chat card → the offline branch. */
export async function flowOfflineDue(uow: UnitOfWork, conversationId: number, cardId: string): Promise<void> {
  const conversation = await uow.trx
    .selectFrom('conversations')
    .innerJoin('chatflows', 'chatflows.id', 'conversations.chatflow_id')
    .select(['conversations.status', 'conversations.assignee_id', 'conversations.flow_card_id', 'conversations.routing_state', 'chatflows.routing'])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation || conversation.status !== 'open' || conversation.assignee_id !== null) return;
  if (conversation.flow_card_id !== cardId || conversation.routing_state === 'missed' || conversation.routing_state === 'assigned') return;
  await withdrawOffers(uow, conversationId);
  await fallBack(uow, conversationId, parseRouting(conversation.routing));
}
