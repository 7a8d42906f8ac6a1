/**
 * W8: the visitor answers the card its conversation waits at. Picking a question's answer is a
 * visitor line with the answer's label (and the card recorded in its notice and in
 * `flow_answers`); filling a capture card is a visitor line listing the details, which go to the
 * visitor's contact, and in an offline branch also make a lead linked to the conversation.
 *
 * Exactly once: the card is claimed by a conditional update on the stored position (`where
 * flow_card_id = <card>`), so a double submit, a second tab or a retry finds the flow moved on
 * and changes nothing; it is answered as done when that card was answered already.
 */
import type { CaptureField, FlowStepResult } from '@parley/protocol';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { parseLanguage } from '../chatflows/presenters.js';
import { appendMessage } from '../conversations/appendMessage.js';
import { retryOnConflict } from '../conversations/retryOnConflict.js';
import { applyCapture, captureLine, cleanCapture } from './captureFields.js';
import { cardsAfter, cardsAfterAnswer, findCard } from './flowTree.js';
import { createFlowLead } from './flowLead.js';
import { loadFlowRun, parseAnswers, runCards } from './runFlow.js';


/**
 * Whether the visitor's own open conversation waits at `cardId`: true; false when that card was
 * answered already (a double submit); refused when it is not the visitor's, closed, or elsewhere.
 */
async function waitsAt(uow: UnitOfWork, visitor: VisitorRow, conversationId: number, cardId: string): Promise<boolean> {
  const conversation = await uow.trx.selectFrom('conversations').select(['visitor_id', 'status', 'flow_card_id', 'flow_answers']).where('id', '=', conversationId).executeTakeFirst();
  if (!conversation || conversation.visitor_id !== visitor.id) throw new DomainError('not_found');
  if (conversation.status !== 'open') throw new DomainError('conversation_closed');
  if (conversation.flow_card_id === cardId) return true;
  if (Object.prototype.hasOwnProperty.call(parseAnswers(conversation.flow_answers), cardId)) return false;
  throw new DomainError('flow_card_not_waiting');
}

/** Moves the stored position off `cardId` if it is still there; false when another request did first. */
export async function claimCard(uow: UnitOfWork, conversationId: number, cardId: string, answer: string): Promise<boolean> {
  const row = await uow.trx.selectFrom('conversations').select('flow_answers').where('id', '=', conversationId).executeTakeFirstOrThrow();
  const answers = { ...parseAnswers(row.flow_answers), [cardId]: answer };
  const claimed = await uow.trx
    .updateTable('conversations')
    .set({ flow_card_id: null, flow_answers: JSON.stringify(answers) })
    .where('id', '=', conversationId)
    .where('flow_card_id', '=', cardId)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function answerQuestion(ctx: AppContext, visitor: VisitorRow, conversationId: number, input: { cardId: string; answerIndex: number }): Promise<FlowStepResult> {
  return retryOnConflict(ctx, () =>
    inTransaction(ctx, async (uow) => {
      if (!(await waitsAt(uow, visitor, conversationId, input.cardId))) return { applied: false };
      const run = await loadFlowRun(uow, conversationId);
      const card = findCard(run.flow, input.cardId);
      // The flow was edited under the chat and this card is gone or is no question any more.
      if (card?.type !== 'question') throw new DomainError('flow_card_not_waiting');
      const answer = card.answers[input.answerIndex];
      if (!answer) throw new DomainError('validation_failed', 'answerIndex: no such answer');
      if (!(await claimCard(uow, conversationId, input.cardId, answer.label))) return { applied: false };
      await appendMessage(uow, conversationId, { author: { kind: 'visitor', visitorId: visitor.id }, body: answer.label, notice: { type: 'flowAnswer', cardId: input.cardId, answerIndex: input.answerIndex } });
      const next = cardsAfterAnswer(run.flow, input.cardId, input.answerIndex)!;
      await runCards(uow, run, next.cards, next.inOffline);
      return { applied: true };
    }),
  );
}

export async function submitCapture(ctx: AppContext, visitor: VisitorRow, conversationId: number, input: { cardId: string; fields: Record<string, string> }): Promise<FlowStepResult> {
  return retryOnConflict(ctx, () =>
    inTransaction(ctx, async (uow) => {
      if (!(await waitsAt(uow, visitor, conversationId, input.cardId))) return { applied: false };
      const run = await loadFlowRun(uow, conversationId);
      const card = findCard(run.flow, input.cardId);
      if (card?.type !== 'capture') throw new DomainError('flow_card_not_waiting');
      // Checked before the claim, so a refused field changes nothing and the card still waits.
      const values = cleanCapture(card.fields as CaptureField[], input.fields);
      if (!(await claimCard(uow, conversationId, input.cardId, 'captured'))) return { applied: false };
      await appendMessage(uow, conversationId, { author: { kind: 'visitor', visitorId: visitor.id }, body: captureLine(values, parseLanguage(run.chatflow.language)), notice: { type: 'flowCaptured', cardId: input.cardId } });
      const contactId = await applyCapture(uow, visitor.id, run.workspaceId, values);
      const next = cardsAfter(run.flow, input.cardId)!;
      if (next.inOffline) await createFlowLead(uow, run, contactId, values);
      await runCards(uow, run, next.cards, next.inOffline);
      return { applied: true };
    }),
  );
}
