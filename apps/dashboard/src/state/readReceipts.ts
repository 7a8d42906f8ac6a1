/**
 * Read receipts in the inbox (W12): how far the visitor has read each conversation, as the live
 * `conversation.read` events report it. Summaries carry the stored marks too; whichever is
 * higher wins, because marks only go up and do not bump the summary's `version`.
 */
import type { ReadReceiptEvent } from '@parley/protocol';
import { createStore } from './store.js';

export const readReceipts = createStore<ReadonlyMap<number, ReadReceiptEvent>>(new Map());

export function applyReadReceipt(receipt: ReadReceiptEvent): void {
  readReceipts.update((marks) => {
    const held = marks.get(receipt.conversationId);
    if (held && held.visitorReadSeq >= receipt.visitorReadSeq && held.agentReadSeq >= receipt.agentReadSeq) return marks;
    const next = new Map(marks);
    next.set(receipt.conversationId, {
      conversationId: receipt.conversationId,
      visitorReadSeq: Math.max(held?.visitorReadSeq ?? 0, receipt.visitorReadSeq),
      agentReadSeq: Math.max(held?.agentReadSeq ?? 0, receipt.agentReadSeq),
    });
    return next;
  });
}
