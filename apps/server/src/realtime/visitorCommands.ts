/**
 * Socket commands of visitors. Each decodes (done by the connection), authorizes against the
 * visitor's own conversations and delegates to the same domain commands HTTP uses.
 */
import type { ContextUpdateData, ConversationRef, SendMessageData, TypingData } from '@parley/protocol';
import { ContextUpdateSchema, ConversationRefSchema, SendMessageSchema, TypingSchema } from '@parley/protocol/schemas';
import { closeConversation } from '../domain/conversations/closeConversation.js';
import { loadConversationRow } from '../domain/conversations/loadConversation.js';
import { visitorConversationFor } from '../domain/branding/agentAlias.js';
import { visitorDisplayName } from '../domain/conversations/presenters.js';
import { sendVisitorMessage } from '../domain/conversations/sendVisitorMessage.js';
import { DomainError } from '../domain/errors.js';
import { contextWrites } from '../domain/limits/contextWrites.js';
import { readWrites } from '../domain/limits/readWrites.js';
import { checkReadReceipt } from '../domain/conversations/readReceipts.js';
import type { ReadReceiptData } from '@parley/protocol';
import { FlowAnswerCommandSchema, FlowCaptureCommandSchema, ReadReceiptSchema } from '@parley/protocol/schemas';
import type { FlowAnswerData, FlowCaptureData } from '@parley/protocol';
import { answerQuestion, submitCapture } from '../domain/flows/flowCommands.js';
import { command, type CommandTable } from './commandTable.js';
import type { Principal } from './principal.js';
import { publishSignal } from './signals.js';

type VisitorPrincipal = Extract<Principal, { kind: 'visitor' }>;

export const visitorCommands: CommandTable<VisitorPrincipal> = {
  'message.send': command<VisitorPrincipal, SendMessageData>(SendMessageSchema, ({ ctx, principal }, data) =>
    sendVisitorMessage(ctx, principal.visitor, { clientMessageId: data.clientMessageId, body: data.body, chatflowId: data.chatflowId }),
  ),

  'typing.set': command<VisitorPrincipal, TypingData>(TypingSchema, async ({ ctx, principal }, data) => {
    const conversation = await loadConversationRow(ctx.storage.db, data.conversationId);
    if (!conversation || conversation.visitor_id !== principal.visitor.id) throw new DomainError('not_found');
    if (conversation.status === 'closed') throw new DomainError('conversation_closed');
    await publishSignal(ctx.pubsub, principal.workspaceId, {
      name: 'typing.changed',
      data: {
        conversationId: conversation.id,
        author: { kind: 'visitor', id: principal.visitor.id, name: visitorDisplayName(principal.visitor) },
        typing: data.typing,
      },
      visitorId: principal.visitor.id,
      assigneeId: conversation.assignee_id,
    });
    return {};
  }),

  'conversation.end': command<VisitorPrincipal, ConversationRef>(ConversationRefSchema, async ({ ctx, principal }, data) => {
    const summary = await closeConversation(ctx, { kind: 'visitor', visitor: principal.visitor }, data.conversationId);
    return { conversation: await visitorConversationFor(ctx.storage.db, summary) };
  }),

  'context.update': command<VisitorPrincipal, ContextUpdateData>(ContextUpdateSchema, async ({ ctx, principal, userAgent }, data) => {
    // Rate-limited and coalesced: a burst costs at most one write (and one broadcast) per second.
    await contextWrites(ctx).update(principal.visitor.id, data, userAgent);
    return {};
  }),

  'conversation.read': command<VisitorPrincipal, ReadReceiptData>(ReadReceiptSchema, async ({ ctx, principal }, data) => {
    const side = await checkReadReceipt(ctx.storage.db, { kind: 'visitor', visitor: principal.visitor }, data.conversationId, data.seq);
    if (side) await readWrites(ctx).mark(data.conversationId, side, data.seq);
    return {};
  }),

  'flow.answer': command<VisitorPrincipal, FlowAnswerData>(FlowAnswerCommandSchema, ({ ctx, principal }, data) =>
    answerQuestion(ctx, principal.visitor, data.conversationId, { cardId: data.cardId, answerIndex: data.answerIndex }),
  ),

  'flow.capture': command<VisitorPrincipal, FlowCaptureData>(FlowCaptureCommandSchema, ({ ctx, principal }, data) =>
    submitCapture(ctx, principal.visitor, data.conversationId, { cardId: data.cardId, fields: data.fields }),
  ),
};
