/**
 * Socket commands of signed-in users: the same domain commands as the inbox's HTTP routes.
 */
import type { AssignData, ConversationRef, SendMessageData, TypingData, Availability, OfferRef } from '@parley/protocol';
import { AssignSchema, AvailabilitySchema, ConversationRefSchema, OfferRefSchema, SendMessageSchema, TypingSchema } from '@parley/protocol/schemas';
import { acceptOffer, declineOffer } from '../domain/routing/offers.js';
import { assignConversation } from '../domain/conversations/assignConversation.js';
import { closeConversation } from '../domain/conversations/closeConversation.js';
import { loadConversationRow } from '../domain/conversations/loadConversation.js';
import { assertCanAct } from '../domain/conversations/policies.js';
import { sendAgentMessage } from '../domain/conversations/sendAgentMessage.js';
import { DomainError } from '../domain/errors.js';
import { setAvailability } from '../domain/users/setAvailability.js';
import { readWrites } from '../domain/limits/readWrites.js';
import { checkReadReceipt } from '../domain/conversations/readReceipts.js';
import type { ReadReceiptData } from '@parley/protocol';
import { ReadReceiptSchema } from '@parley/protocol/schemas';
import { command, type CommandTable } from './commandTable.js';
import type { Principal } from './principal.js';
import { publishSignal } from './signals.js';

type AgentPrincipal = Extract<Principal, { kind: 'agent' }>;

export const agentCommands: CommandTable<AgentPrincipal> = {
  'message.send': command<AgentPrincipal, SendMessageData>(SendMessageSchema, ({ ctx, principal }, data) => {
    if (data.conversationId === undefined) throw new DomainError('validation_failed', 'conversationId is required');
    return sendAgentMessage(ctx, principal.user, data.conversationId, { clientMessageId: data.clientMessageId, body: data.body, internal: data.internal });
  }),

  'typing.set': command<AgentPrincipal, TypingData>(TypingSchema, async ({ ctx, principal }, data) => {
    const conversation = await loadConversationRow(ctx.storage.db, data.conversationId);
    assertCanAct(principal.user, conversation);
    await publishSignal(ctx.pubsub, principal.workspaceId, {
      name: 'typing.changed',
      data: {
        conversationId: conversation.id,
        author: { kind: 'user', id: principal.user.id, name: principal.user.name },
        typing: data.typing,
      },
      visitorId: conversation.visitor_id,
      assigneeId: conversation.assignee_id,
    });
    return {};
  }),

  'conversation.assign': command<AgentPrincipal, AssignData>(AssignSchema, async ({ ctx, principal }, data) => ({
    conversation: await assignConversation(ctx, principal.user, data.conversationId, data.userId),
  })),

  'conversation.close': command<AgentPrincipal, ConversationRef>(ConversationRefSchema, async ({ ctx, principal }, data) => ({
    conversation: await closeConversation(ctx, { kind: 'user', user: principal.user }, data.conversationId),
  })),

  'availability.set': command<AgentPrincipal, { availability: Availability }>(AvailabilitySchema, async ({ ctx, principal }, data) => ({
    user: await setAvailability(ctx, principal.user.id, data.availability),
  })),

  'offer.accept': command<AgentPrincipal, OfferRef>(OfferRefSchema, async ({ ctx, principal }, data) => ({
    conversation: await acceptOffer(ctx, principal.user, data.offerId),
  })),

  'offer.decline': command<AgentPrincipal, OfferRef>(OfferRefSchema, async ({ ctx, principal }, data) => {
    await declineOffer(ctx, principal.user, data.offerId);
    return {};
  }),

  'conversation.read': command<AgentPrincipal, ReadReceiptData>(ReadReceiptSchema, async ({ ctx, principal }, data) => {
    const side = await checkReadReceipt(ctx.storage.db, { kind: 'user', user: principal.user }, data.conversationId, data.seq);
    if (side) await readWrites(ctx).mark(data.conversationId, side, data.seq);
    return {};
  }),
};
