/**
 * TypeBox schemas of a chatflow's flow (W8), exported from the schemas entry. Requests check the
 * flow with `ChatflowFlowBodySchema`, which only bounds its length: every card, at any depth and
 * of any shape, goes to `validateFlow` of @parley/chatflow, which names the offending card
 * (`invalid_flow`); a schema refusal could not. `ChatflowFlowSchema` documents the four card
 * shapes with their limits in the OpenAPI document (the chatflow routes show it in place of the
 * body schema), so it never refuses anything itself.
 */
import Type, { type TSchema } from 'typebox';
import { CAPTURE_BUILTIN_FIELDS, CAPTURE_PROPERTY_PATTERN, CARD_ID_PATTERN } from './flow.js';
import { LIMITS } from './limits.js';

const strict = { additionalProperties: false } as const;
const CardId = Type.String({ pattern: CARD_ID_PATTERN, description: 'assigned by the server when missing; kept across saves' });
const CardText = Type.String({ minLength: 1, maxLength: LIMITS.flowTextMaxLength, description: 'rich text (safe Markdown subset), not only spaces' });
const Label = Type.String({ minLength: 1, maxLength: LIMITS.flowAnswerLabelMaxLength, description: "the button's name, unique in its question (ignoring case)" });
const Field = Type.String({ pattern: CAPTURE_PROPERTY_PATTERN, description: `${CAPTURE_BUILTIN_FIELDS.join(' | ')} or a custom contact property's key` });
/** Below the documented levels, the same shapes again (the document shows two levels). */
const DeeperBranch = Type.Array(Type.Unknown(), { maxItems: LIMITS.flowCardsPerBranch, description: `cards of the same four shapes, up to ${LIMITS.flowMaxDepth} levels of branches` });

function branchSchema(nested: TSchema, description = 'cards, run in order'): TSchema {
  return Type.Array(
    Type.Union([
      Type.Object({ id: Type.Optional(CardId), type: Type.Literal('message'), text: CardText }, strict),
      Type.Object(
        {
          id: Type.Optional(CardId),
          type: Type.Literal('question'),
          text: CardText,
          answers: Type.Array(Type.Object({ label: Label, cards: nested }, strict), { minItems: 1, maxItems: LIMITS.flowAnswersPerQuestion, description: 'each answer starts its own branch, which needs a card' }),
        },
        strict,
      ),
      Type.Object(
        {
          id: Type.Optional(CardId),
          type: Type.Literal('capture'),
          text: CardText,
          fields: Type.Array(Field, { minItems: 1, maxItems: LIMITS.flowCaptureFieldsMax, uniqueItems: true }),
        },
        strict,
      ),
      Type.Object(
        {
          id: Type.Optional(CardId),
          type: Type.Literal('liveChat'),
          onlineMessage: CardText,
          offlineMessage: CardText,
          waitSeconds: Type.Integer({ minimum: LIMITS.flowWaitSecondsMin, maximum: LIMITS.flowWaitSecondsMax }),
          offline: nested,
        },
        { ...strict, description: 'the last card of its branch, never inside an offline branch' },
      ),
    ]),
    { maxItems: LIMITS.flowCardsPerBranch, description },
  );
}

/**
 * A chatflow's flow as documented: the root branch. Message, question (answers each with a
 * branch), capture and live-chat (with its offline branch) cards; the live-chat card is the last
 * of its branch.
 */
export const ChatflowFlowSchema = branchSchema(
  branchSchema(DeeperBranch),
  `W8: the root branch of cards, at least one, ${LIMITS.flowMaxCards} in all; a flow with any problem is refused with invalid_flow naming the card (docs/chatflows.md "Flow")`,
);

/**
 * What a request's `flow` must be before the flow validation looks at it: if a list, not longer
 * than a whole flow may be. Anything else, a list's items included, is for `validateFlow`, so a
 * flow that is not a list is refused as `invalid_flow` too (path `flow`, no card to name).
 */
export const ChatflowFlowBodySchema = Type.Unknown({
  maxItems: LIMITS.flowMaxCards,
  description: 'W8: the root branch of cards (shapes: ChatflowFlowSchema); every card is checked by the flow validation, which names the card',
});
