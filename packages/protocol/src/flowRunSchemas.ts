/**
 * W8: what a visitor sends while its conversation runs the chatflow's flow of cards: the answer
 * picked at a question card, and the fields typed into a capture card. The server checks the
 * card is the one the conversation waits at and validates every field itself.
 */
import Type from 'typebox';
import { CARD_ID_PATTERN } from './flow.js';

const CardId = Type.String({ pattern: CARD_ID_PATTERN });
const strict = { additionalProperties: false } as const;

export const FlowAnswerSchema = Type.Object({ cardId: CardId, answerIndex: Type.Integer({ minimum: 0, maximum: 99 }) }, strict);
/** Field name (a built-in field or a custom property key) → what the visitor typed; checked per field on the server. */
export const FlowCaptureSchema = Type.Object(
  { cardId: CardId, fields: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.String({ maxLength: 2000 }), { maxProperties: 20 }) },
  strict,
);
