/**
 * W8: how a flow opens. The message cards at the start of the root branch, and a question right
 * after them, are what the visitor reads before writing anything: the widget shows them under the
 * welcome, the question's answers as buttons, so a visitor can start by picking one. When the
 * conversation starts (by a typed line or by an answer) the server stores these lines before the
 * visitor's first one, in the order the visitor saw them, and the flow goes on from there.
 */
import type { FlowBranch, FlowCard, MessageCard, QuestionCard, WidgetFlowOpening } from '@parley/protocol';

/** The opening cards (leading messages, then a question if one follows) and the root cards after them. */
export function splitOpening(flow: FlowBranch): { messages: MessageCard[]; question: QuestionCard | null; rest: FlowCard[] } {
  let index = 0;
  const messages: MessageCard[] = [];
  while (index < flow.length && flow[index]!.type === 'message') messages.push(flow[index++] as MessageCard);
  const next = flow[index];
  const question = next?.type === 'question' ? next : null;
  return { messages, question, rest: flow.slice(question ? index + 1 : index) };
}

/** The opening as the widget's config carries it. */
export function flowOpening(flow: FlowBranch): WidgetFlowOpening {
  const { messages, question } = splitOpening(flow);
  return {
    messages: messages.map((card) => card.text),
    question: question ? { cardId: question.id ?? '', text: question.text, answers: question.answers.map((answer) => answer.label) } : null,
  };
}
