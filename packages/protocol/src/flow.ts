/**
 * W8: a chatflow's flow of cards, run before (and instead of) the hand-off to a person. A branch
 * is a list of cards run in order; a question's answers and a live-chat card's offline branch each
 * hold a branch of their own, so the flow is a tree (docs/chatflows.md, "Flow").
 */

/** What a capture card can ask for besides a custom contact property (any other name is one). */
export const CAPTURE_BUILTIN_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'company'] as const;
export type CaptureBuiltinField = (typeof CAPTURE_BUILTIN_FIELDS)[number];
/** A built-in field, or the key of a custom contact property (`plan`, `order_number`). */
export type CaptureField = CaptureBuiltinField | (string & {});

/** Card ids: what a stored position in the flow points at, so they never change once given. */
export const CARD_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
/** Custom contact property keys a capture card may fill. */
export const CAPTURE_PROPERTY_PATTERN = '^[A-Za-z0-9_.-]{1,64}$';

interface CardBase {
  /** Assigned by the server when missing and kept across saves. */
  id?: string;
}
export interface MessageCard extends CardBase {
  type: 'message';
  text: string;
}
export interface QuestionAnswer {
  /** The button's name. */
  label: string;
  /** What runs when the visitor picks this answer; never empty. */
  cards: FlowCard[];
}
export interface QuestionCard extends CardBase {
  type: 'question';
  text: string;
  answers: QuestionAnswer[];
}
export interface CaptureCard extends CardBase {
  type: 'capture';
  text: string;
  fields: CaptureField[];
}
/** The hand-off to a person; always the last card of its branch. */
export interface LiveChatCard extends CardBase {
  type: 'liveChat';
  /** Shown when someone can take the chat. */
  onlineMessage: string;
  /** Shown when nobody picks the chat up within `waitSeconds`, or nobody is reachable; then `offline` runs. */
  offlineMessage: string;
  waitSeconds: number;
  /** The offline branch (may be empty: the offline message is then the last word). */
  offline: FlowCard[];
}
export type FlowCard = MessageCard | QuestionCard | CaptureCard | LiveChatCard;
export type FlowCardType = FlowCard['type'];
/** A branch: cards in the order they run. The chatflow's flow is its root branch. */
export type FlowBranch = FlowCard[];

/** Stable codes of what `validateFlow` of @parley/chatflow finds wrong with a flow. */
export const FLOW_PROBLEM_CODES = [
  'invalid_card',
  'invalid_card_id',
  'duplicate_card_id',
  'empty_flow',
  'empty_branch',
  'too_many_cards',
  'too_deep',
  'text_empty',
  'text_too_long',
  'live_chat_not_last',
  'live_chat_in_offline_branch',
  'question_without_answers',
  'too_many_answers',
  'answer_label_empty',
  'answer_label_duplicate',
  'capture_without_fields',
  'too_many_fields',
  'capture_field_duplicate',
  'capture_field_invalid',
  'unknown_custom_property',
  'wait_seconds_out_of_range',
] as const;
export type FlowProblemCode = (typeof FLOW_PROBLEM_CODES)[number];

export interface FlowProblem {
  code: FlowProblemCode;
  /** The offending card's id (the one it is given when it has none of its own); null only for the root branch itself or a flow that is not a list. */
  cardId: string | null;
  /** Where, like `flow[1].answers[0].cards[2]`. */
  path: string;
  message: string;
}
