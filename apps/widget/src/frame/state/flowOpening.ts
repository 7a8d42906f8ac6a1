/**
 * W8: the flow's opening in the frame, before the visitor writes: the config's opening messages
 * and question are shown under the welcome, the question's answers as buttons; picking one starts
 * the conversation. Once a conversation has lines of its own they say the same, so the config's
 * copy goes with the welcome's (Thread.tsx): the lines neither flicker nor show twice.
 */
import { LIMITS, type WidgetFlowOpening } from '@parley/protocol';
import type { FlowPrompt } from './flowPrompt';
import type { ThreadState } from './thread';

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A hostile page posting a config cannot make us draw thousands of lines or buttons. */
const texts = (value: unknown, max: number): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, max) : []);

/** `{ flowOpening }` for the config, read like the rest of it; nothing when absent (an older server). */
export function flowOpeningField(value: unknown): { flowOpening?: WidgetFlowOpening } {
  if (!isObject(value)) return {};
  return { flowOpening: { messages: texts(value.messages, LIMITS.flowCardsPerBranch), question: readQuestion(value.question) } };
}

function readQuestion(value: unknown): WidgetFlowOpening['question'] {
  if (!isObject(value)) return null;
  const { cardId, text } = value;
  const answers = texts(value.answers, LIMITS.flowAnswersPerQuestion);
  return typeof cardId === 'string' && typeof text === 'string' && answers.length > 0 ? { cardId, text, answers } : null;
}

/** The bot lines the visitor reads before writing: the opening messages, then the question. */
export function openingLines(opening: WidgetFlowOpening | undefined): string[] {
  if (!opening) return [];
  return opening.question ? [...opening.messages, opening.question.text] : opening.messages;
}

/**
 * The opening question's answers while nothing has been written yet. A line on its way (typed,
 * not yet stored) starts the conversation itself, and the flow then waits at the same question
 * in the thread, so the buttons step aside meanwhile.
 */
export function openingPrompt(opening: WidgetFlowOpening | undefined, thread: ThreadState): Extract<FlowPrompt, { kind: 'question' }> | null {
  const question = opening?.question;
  if (!question || thread.conversation || thread.messages.length > 0) return null;
  if (thread.pending.some((pending) => !pending.error)) return null;
  return { kind: 'question', cardId: question.cardId, answers: question.answers };
}
