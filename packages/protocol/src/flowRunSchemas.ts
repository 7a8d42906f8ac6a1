/**
 * W8: what a visitor sends while its conversation runs the chatflow's flow of cards: the answer
 * picked at a question card, and the fields typed into a capture card. The server checks the
 * card is the one the conversation waits at and validates every field itself.
 */
import Type from 'typebox';
import { CARD_ID_PATTERN } from './flow.js';
import { LIMITS } from './limits.js';

const CardId = Type.String({ pattern: CARD_ID_PATTERN });
const ConversationId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const strict = { additionalProperties: false } as const;

const answer = { cardId: CardId, answerIndex: Type.Integer({ minimum: 0, maximum: 99 }) };
/** Field name (a built-in field or a custom property key) → what the visitor typed; checked per field on the server. */
const capture = { cardId: CardId, fields: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.String({ maxLength: 2000 }), { maxProperties: 20 }) };

/** HTTP bodies (the conversation is in the path). */
export const FlowAnswerSchema = Type.Object(answer, strict);
export const FlowCaptureSchema = Type.Object(capture, strict);
/**
 * Starting the conversation by picking an answer of the flow's opening question (WidgetConfig.flowOpening).
 * `clientMessageId` makes a retried request answer the first one's line (`duplicate: true`).
 */
export const FlowStartSchema = Type.Object(
  {
    ...answer,
    clientMessageId: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.clientMessageIdMaxLength })),
    chatflowId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the chatflow the widget shows (WidgetConfig.chatflowId)' })),
  },
  strict,
);
/** The same as socket commands of the visitor (`flow.answer`, `flow.capture`). */
export const FlowAnswerCommandSchema = Type.Object({ conversationId: ConversationId, ...answer }, strict);
export const FlowCaptureCommandSchema = Type.Object({ conversationId: ConversationId, ...capture }, strict);
