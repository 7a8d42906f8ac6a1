/**
 * TypeBox schemas of a chatflow's flow (W8), exported from the schemas entry. They document the
 * four card shapes and stop huge bodies; their bounds are generous on purpose, because the exact
 * limits (LIMITS.flow*) and everything about meaning are checked by `validateFlow` of
 * @parley/chatflow at every depth, which names the offending card (`invalid_flow`).
 */
import Type, { type TSchema } from 'typebox';
import { CAPTURE_BUILTIN_FIELDS, CARD_ID_PATTERN } from './flow.js';
import { LIMITS } from './limits.js';

const strict = { additionalProperties: false } as const;
const CardId = Type.String({ pattern: CARD_ID_PATTERN, description: 'assigned by the server when missing; kept across saves' });
const CardText = Type.String({ maxLength: LIMITS.flowTextMaxLength * 4, description: `1–${LIMITS.flowTextMaxLength} characters, rich text (safe Markdown subset)` });
const Label = Type.String({ maxLength: LIMITS.flowAnswerLabelMaxLength * 4, description: `the button's name, 1–${LIMITS.flowAnswerLabelMaxLength} characters` });
const Field = Type.String({ minLength: 1, maxLength: 256, description: `${CAPTURE_BUILTIN_FIELDS.join(' | ')} or a custom contact property's key` });
/** Below the documented levels a branch's cards are checked by the flow validation only. */
const DeeperBranch = Type.Array(Type.Unknown(), { maxItems: LIMITS.flowCardsPerBranch * 4, description: 'cards of the same four shapes' });

function branchSchema(nested: TSchema, description = 'cards, run in order'): TSchema {
  const maxItems = LIMITS.flowCardsPerBranch * 4;
  return Type.Array(
    Type.Union([
      Type.Object({ id: Type.Optional(CardId), type: Type.Literal('message'), text: CardText }, strict),
      Type.Object(
        {
          id: Type.Optional(CardId),
          type: Type.Literal('question'),
          text: CardText,
          answers: Type.Array(Type.Object({ label: Label, cards: nested }, strict), { maxItems: LIMITS.flowAnswersPerQuestion * 4 }),
        },
        strict,
      ),
      Type.Object(
        { id: Type.Optional(CardId), type: Type.Literal('capture'), text: CardText, fields: Type.Array(Field, { maxItems: LIMITS.flowCaptureFieldsMax * 4 }) },
        strict,
      ),
      Type.Object(
        {
          id: Type.Optional(CardId),
          type: Type.Literal('liveChat'),
          onlineMessage: CardText,
          offlineMessage: CardText,
          waitSeconds: Type.Integer({ description: `${LIMITS.flowWaitSecondsMin}–${LIMITS.flowWaitSecondsMax}` }),
          offline: nested,
        },
        strict,
      ),
    ]),
    { maxItems, description },
  );
}

/**
 * A chatflow's flow: the root branch. Message, question (answers each with a branch), capture and
 * live-chat (with its offline branch) cards; the live-chat card is the last of its branch.
 */
export const ChatflowFlowSchema = branchSchema(branchSchema(DeeperBranch), 'W8: the root branch of cards; see docs/chatflows.md "Flow"');
