/**
 * W8: a visitor starts the conversation by picking an answer of the flow's opening question,
 * which the widget showed before anything was written. The conversation starts as a typed first
 * line would start it (the same refusals: login-only, email first, explicit consent), its opening
 * is stored as the visitor saw it, and the answer is the visitor's first line; the flow runs on
 * from the answer's branch.
 *
 * A retry with the same `clientMessageId` answers the first request's line. Any other pick while
 * the visitor has an open conversation is refused as `flow_card_not_waiting`: that conversation
 * (started in another tab, or by a typed line) has its own position, which the widget then shows.
 */
import type { SendMessageResult } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { appendMessage, dedupeKey, findByDedupeKey } from '../conversations/appendMessage.js';
import { retryOnConflict } from '../conversations/retryOnConflict.js';
import { startConversation } from '../conversations/sendVisitorMessage.js';
import { limitMessage } from '../limits/writeLimits.js';
import { claimCard } from './flowCommands.js';
import { cardsAfterAnswer } from './flowTree.js';
import { runCards, runOpening } from './runFlow.js';

export interface FlowStart {
  cardId: string;
  answerIndex: number;
  clientMessageId?: string;
  chatflowId?: number;
}

export async function startByAnswer(ctx: AppContext, visitor: VisitorRow, input: FlowStart): Promise<SendMessageResult> {
  limitMessage(ctx, { kind: 'visitor', id: visitor.id });
  const author = { kind: 'visitor' as const, visitorId: visitor.id };
  return retryOnConflict(ctx, () =>
    inTransaction(ctx, async (uow) => {
      if (input.clientMessageId !== undefined) {
        const existing = await findByDedupeKey(uow, dedupeKey(author, input.clientMessageId));
        if (existing) return { message: existing, duplicate: true };
      }
      const open = await uow.trx.selectFrom('conversations').select('id').where('visitor_id', '=', visitor.id).where('site_id', '=', visitor.site_id).where('status', '=', 'open').executeTakeFirst();
      if (open) throw new DomainError('flow_card_not_waiting', 'the visitor has an open conversation; answer in it');
      const run = await startConversation(uow, visitor, input.chatflowId);
      const { question } = await runOpening(uow, run);
      // The opening changed since the widget read it: refused, and the transaction stores nothing.
      if (!question || question.id !== input.cardId) throw new DomainError('flow_card_not_waiting', 'the flow no longer opens with this question');
      const answer = question.answers[input.answerIndex];
      if (!answer) throw new DomainError('validation_failed', 'answerIndex: no such answer');
      await claimCard(uow, run.conversationId, input.cardId, answer.label);
      const message = await appendMessage(uow, run.conversationId, {
        author,
        body: answer.label,
        clientMessageId: input.clientMessageId,
        notice: { type: 'flowAnswer', cardId: input.cardId, answerIndex: input.answerIndex },
      });
      const next = cardsAfterAnswer(run.flow, input.cardId, input.answerIndex)!;
      await runCards(uow, run, next.cards, next.inOffline);
      return { message, duplicate: false };
    }),
  );
}
