/**
 * What each kind of durable deadline does when it comes due (R6).
 */
import type { AppContext } from '../domain/context.js';
import type { DeadlineKind } from '../domain/deadlines/deadlineStore.js';
import { checkInactivity } from '../domain/conversations/inactivity.js';
import { snoozeDeadlineDue } from '../domain/conversations/snooze.js';
import { flowOfflineDue } from '../domain/flows/flowOffline.js';
import { retentionDue } from '../domain/contacts/retention.js';
import { graceEnded } from '../domain/presence/presence.js';
import { drainQueue } from '../domain/routing/drainQueue.js';
import { expireOffer } from '../domain/routing/offers.js';
import { renumberQueue } from '../domain/routing/queuePositions.js';
import { sendMissedChatEmail } from '../domain/routing/sendMissedChatEmail.js';
import { sendAssignedEmail, sendNewConversationEmail } from '../domain/notifications/sendNotificationEmails.js';
import type { DeadlineRow } from '../storage/schema.js';
import type { DeadlineHandler } from './deadlineRunner.js';

function payloadId(deadline: DeadlineRow, field: string): number {
  const value = (JSON.parse(deadline.payload) as Record<string, unknown>)[field];
  if (typeof value !== 'number') throw new Error(`deadline ${deadline.key} has no ${field}`);
  return value;
}

export function deadlineHandlers(ctx: AppContext): Record<DeadlineKind, DeadlineHandler> {
  return {
    route: {
      transactional: true,
      async run(uow, deadline) {
        const conversation = await uow.trx
          .selectFrom('conversations')
          .select(['chatflow_id', 'routing_state', 'status'])
          .where('id', '=', payloadId(deadline, 'conversationId'))
          .executeTakeFirst();
        // Already placed by an earlier drain (one drain serves every chat that was waiting).
        if (!conversation || conversation.status !== 'open' || conversation.routing_state !== 'routing') return;
        await drainQueue(uow, ctx.storage.driver, deadline.workspace_id, conversation.chatflow_id);
      },
    },
    drain_queue: {
      transactional: true,
      run: (uow, deadline) => drainQueue(uow, ctx.storage.driver, deadline.workspace_id),
    },
    queue_positions: {
      transactional: true,
      run: (uow, deadline) => renumberQueue(uow, payloadId(deadline, 'chatflowId')),
    },
    offer_expiry: {
      transactional: true,
      run: (uow, deadline) => expireOffer(uow, ctx, payloadId(deadline, 'offerId')),
    },
    inactivity: {
      transactional: true,
      run: (uow, deadline) => checkInactivity(uow, payloadId(deadline, 'conversationId')),
    },
    presence_grace: {
      transactional: true,
      run: (uow, deadline) => graceEnded(uow, ctx, payloadId(deadline, 'userId')),
    },
    snooze: {
      transactional: true,
      run: (uow, deadline) => snoozeDeadlineDue(uow, payloadId(deadline, 'conversationId')),
    },
    missed_chat_email: {
      transactional: false,
      run: (deadline) => sendMissedChatEmail(ctx, payloadId(deadline, 'conversationId')),
    },
    new_conversation_email: {
      transactional: false,
      run: (deadline) => sendNewConversationEmail(ctx, payloadId(deadline, 'conversationId')),
    },
    retention: {
      transactional: true,
      run: (uow, deadline) => retentionDue(uow, ctx.storage.driver, deadline.workspace_id),
    },
    flow_offline: {
      transactional: true,
      run: (uow, deadline) => flowOfflineDue(uow, payloadId(deadline, 'conversationId'), String((JSON.parse(deadline.payload) as Record<string, unknown>).cardId)),
    },
    assigned_email: {
      transactional: false,
      run: (deadline) => sendAssignedEmail(ctx, payloadId(deadline, 'conversationId'), payloadId(deadline, 'userId')),
    },
  };
}
