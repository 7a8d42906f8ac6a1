/**
 * R4: a chat with no message from the visitor or a user for the chatflow's inactivity timeout
 * ends with reason `inactive`. One deadline per conversation, set at its start; when it fires
 * early (there was activity since), it moves itself to the new end of the quiet period instead
 * of being rewritten on every message.
 */
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';
import { parseRouting } from '../routing/routingSettings.js';
import { closeInUnitOfWork } from './closeConversation.js';

export async function checkInactivity(uow: UnitOfWork, conversationId: number): Promise<void> {
  const row = await uow.trx
    .selectFrom('conversations')
    .innerJoin('chatflows', 'chatflows.id', 'conversations.chatflow_id')
    .selectAll('conversations')
    .select('chatflows.routing as chatflow_routing')
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  if (!row || row.status !== 'open') return;
  const timeoutMs = parseRouting(row.chatflow_routing).inactivityTimeoutMinutes * 60_000;
  // A snoozed chat is not closed for silence: it waits at least a full period past its wake-up
  // time (waking reschedules this deadline from the actual wake-up, see snooze.ts).
  const quietUntil = row.snoozed_until !== null ? row.snoozed_until + timeoutMs : (row.last_activity_at ?? row.created_at) + timeoutMs;
  if (uow.now < quietUntil) {
    await scheduleDeadline(
      uow.trx,
      { key: deadlineKeys.inactivity(conversationId), kind: 'inactivity', workspaceId: row.workspace_id, dueAt: quietUntil, payload: { conversationId } },
      uow.now,
    );
    return;
  }
  const { chatflow_routing: _routing, ...conversation } = row;
  await closeInUnitOfWork(uow, conversation, 'inactive', '');
}
