/**
 * Nobody can take the chat (R3): the visitor reads the fallback message, the conversation waits
 * in Unassigned marked as missed, and the missed-chat email goes out through a durable deadline
 * (so a crash right after this commit still sends it).
 */
import type { ChatflowRouting } from '@parley/protocol';
import { sql } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { appendMessage } from '../conversations/appendMessage.js';
import { loadSummary } from '../conversations/presenters.js';
import { deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';
import { parseWidgetSettings } from '../chatflows/chatflowSettings.js';
import { offlineBranchInstead } from '../flows/flowOffline.js';

export async function fallBack(uow: UnitOfWork, conversationId: number, routing: ChatflowRouting): Promise<void> {
  const conversation = await uow.trx
    .updateTable('conversations')
    .set({ routing_state: 'missed', missed: 1, queue_position: null, queue_wait_seconds: null, version: sql<number>`version + 1`, updated_at: uow.now })
    .where('id', '=', conversationId)
    .returning(['workspace_id'])
    .executeTakeFirstOrThrow();
  const chatflow = await uow.trx
    .selectFrom('conversations')
    .innerJoin('chatflows', 'chatflows.id', 'conversations.chatflow_id')
    .select('chatflows.settings')
    .where('conversations.id', '=', conversationId)
    .executeTakeFirstOrThrow();
  // appendMessage emits conversation.updated with the new state, so lists and the widget update.
  // A chat handed off by its flow's live-chat card gets that card's offline branch instead (W8).
  const ranOfflineBranch = await offlineBranchInstead(uow, conversationId);
  if (!ranOfflineBranch && routing.fallbackMessage.trim()) {
    await appendMessage(uow, conversationId, { author: { kind: 'bot', name: parseWidgetSettings(chatflow.settings).headingName }, body: routing.fallbackMessage });
  } else {
    uow.emit({ type: 'conversation.updated', workspaceId: conversation.workspace_id, conversation: await loadSummary(uow.trx, conversationId) });
  }
  await scheduleDeadline(
    uow.trx,
    { key: deadlineKeys.missedChatEmail(conversationId), kind: 'missed_chat_email', workspaceId: conversation.workspace_id, dueAt: uow.now, payload: { conversationId } },
    uow.now,
  );
}
