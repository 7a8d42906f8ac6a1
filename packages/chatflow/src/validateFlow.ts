/**
 * W8: what makes a flow of cards valid, checked at any depth with one stable code per kind of
 * problem, the offending card's id and its path. The server refuses a flow with any problem
 * (`invalid_flow`, nothing saved); the card editor shows the same problems on their cards.
 *
 * Empty branches: the root branch needs a card (a chatflow without cards has nothing to run), and
 * every answer's branch needs one (a button that leads nowhere leaves the visitor without a
 * reply; to end the flow there, add a message card). A live-chat card's offline branch may be
 * empty: the offline message is then the last word, as without a flow.
 *
 * A flow is a tree, so it has no cycles; but conversations remember positions by card id, and two
 * cards with one id would make a position point at both (or back up the tree), so duplicate ids
 * are refused.
 *
 * Every problem of a card names it, whatever its shape: by its own id when it has a well-formed
 * one, else by the id it is given here (`newCardId`), so an editor that sent a card without an id,
 * with a malformed one or not even an object still learns which card is at fault (with its path).
 */
import { CAPTURE_BUILTIN_FIELDS, CAPTURE_PROPERTY_PATTERN, CARD_ID_PATTERN, LIMITS, type FlowProblem, type FlowProblemCode } from '@parley/protocol';
import { cardIds, unusedIds } from './flowIds.js';
import { isObject, type Fields } from './validate.js';

export interface FlowValidationOptions {
  /** Custom contact properties a capture card may fill; left out, any well-formed key is accepted. */
  customProperties?: readonly string[];
  /**
   * Names, in problems, a card without a usable id of its own (none, malformed, or not an object
   * at all). The server gives ids to cards without one first and passes the source of those ids,
   * so problems name cards as they would be saved. Left out: counting ids (`card-1`, …) no card
   * of the flow has.
   */
  newCardId?: () => string;
}

const CARD_KEYS: Record<string, readonly string[]> = {
  message: ['id', 'type', 'text'],
  question: ['id', 'type', 'text', 'answers'],
  capture: ['id', 'type', 'text', 'fields'],
  liveChat: ['id', 'type', 'onlineMessage', 'offlineMessage', 'waitSeconds', 'offline'],
};
const CARD_ID = new RegExp(CARD_ID_PATTERN);
const PROPERTY_KEY = new RegExp(CAPTURE_PROPERTY_PATTERN);
const BUILTIN: readonly string[] = CAPTURE_BUILTIN_FIELDS;

interface Walk {
  problems: FlowProblem[];
  options: FlowValidationOptions;
  seenIds: Map<string, string>;
  cards: number;
  newCardId: () => string;
}

interface Place {
  path: string;
  /** 1 for the root branch. */
  depth: number;
  /** Inside some live-chat card's offline branch. */
  offline: boolean;
}

function report(walk: Walk, code: FlowProblemCode, cardId: string | null, path: string, message: string): void {
  walk.problems.push({ code, cardId, path, message });
}

function checkText(walk: Walk, value: unknown, cardId: string | null, path: string, what: string, max: number = LIMITS.flowTextMaxLength): void {
  if (typeof value !== 'string') report(walk, 'invalid_card', cardId, path, `${what} must be text.`);
  else if (value.trim() === '') report(walk, 'text_empty', cardId, path, `${what} must not be empty.`);
  else if (value.length > max) report(walk, 'text_too_long', cardId, path, `${what} must be at most ${max} characters (it has ${value.length}).`);
}

/** The card's own id if well-formed (null if none), checked for being used once in the flow. */
function ownId(walk: Walk, card: unknown, path: string): string | null {
  if (!isObject(card) || card.id === undefined) return null;
  if (typeof card.id !== 'string' || !CARD_ID.test(card.id)) return null;
  const first = walk.seenIds.get(card.id);
  if (first !== undefined) report(walk, 'duplicate_card_id', card.id, path, `The card id "${card.id}" is also used at ${first}; every card needs its own id.`);
  else walk.seenIds.set(card.id, path);
  return card.id;
}

/** `Live-chat card "lc"` when the card carries that id; a given stand-in id means nothing to its author. */
function cardTitle(kind: string, own: string | null): string {
  return own === null ? kind : `${kind} "${own}"`;
}

function checkQuestion(walk: Walk, card: Fields, id: string, at: Place): void {
  checkText(walk, card.text, id, `${at.path}.text`, 'The question');
  const answers = card.answers;
  if (!Array.isArray(answers)) return report(walk, 'invalid_card', id, `${at.path}.answers`, 'A question\'s answers must be a list.');
  if (answers.length === 0) report(walk, 'question_without_answers', id, `${at.path}.answers`, 'A question needs at least one answer.');
  if (answers.length > LIMITS.flowAnswersPerQuestion) {
    report(walk, 'too_many_answers', id, `${at.path}.answers`, `A question can have at most ${LIMITS.flowAnswersPerQuestion} answers (it has ${answers.length}).`);
  }
  const labels = new Set<string>();
  answers.forEach((answer, index) => {
    const path = `${at.path}.answers[${index}]`;
    if (!isObject(answer)) return report(walk, 'invalid_card', id, path, 'An answer must be an object with "label" and "cards".');
    const unknown = Object.keys(answer).filter((key) => key !== 'label' && key !== 'cards');
    if (unknown.length > 0) report(walk, 'invalid_card', id, `${path}.${unknown[0]}`, `Unknown field "${unknown[0]}"; an answer has "label" and "cards".`);
    if (typeof answer.label === 'string' && answer.label.trim() === '') {
      report(walk, 'answer_label_empty', id, `${path}.label`, `Answer ${index + 1} needs a label: it is the button the visitor clicks.`);
    } else {
      checkText(walk, answer.label, id, `${path}.label`, 'An answer\'s label', LIMITS.flowAnswerLabelMaxLength);
      const key = typeof answer.label === 'string' ? answer.label.trim().toLowerCase() : '';
      if (key !== '' && labels.has(key)) report(walk, 'answer_label_duplicate', id, `${path}.label`, `Two answers are labelled "${String(answer.label).trim()}"; the visitor could not tell them apart.`);
      labels.add(key);
    }
    if (Array.isArray(answer.cards) && answer.cards.length === 0) {
      report(walk, 'empty_branch', id, `${path}.cards`, `Answer ${index + 1} leads nowhere: add a card to its branch (a message to end the flow there).`);
    }
    checkBranch(walk, answer.cards, { path: `${path}.cards`, depth: at.depth + 1, offline: at.offline }, id);
  });
}

function checkCapture(walk: Walk, card: Fields, id: string, at: Place): void {
  checkText(walk, card.text, id, `${at.path}.text`, 'The capture card\'s text');
  const fields = card.fields;
  if (!Array.isArray(fields)) return report(walk, 'invalid_card', id, `${at.path}.fields`, 'A capture card\'s fields must be a list.');
  if (fields.length === 0) report(walk, 'capture_without_fields', id, `${at.path}.fields`, 'A capture card needs at least one field to ask for.');
  if (fields.length > LIMITS.flowCaptureFieldsMax) {
    report(walk, 'too_many_fields', id, `${at.path}.fields`, `A capture card can ask for at most ${LIMITS.flowCaptureFieldsMax} fields (it has ${fields.length}).`);
  }
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const path = `${at.path}.fields[${index}]`;
    if (typeof field !== 'string' || !PROPERTY_KEY.test(field)) {
      return report(walk, 'capture_field_invalid', id, path, `A field is one of ${BUILTIN.join(', ')} or a custom property's key (1–64 letters, digits, ".", "-" or "_").`);
    }
    if (seen.has(field)) report(walk, 'capture_field_duplicate', id, path, `"${field}" is asked for twice.`);
    seen.add(field);
    if (BUILTIN.includes(field)) return;
    // "Email" or "EMAIL" is a slip for the built-in field, not a custom property of its own.
    const builtin = BUILTIN.find((name) => name.toLowerCase() === field.toLowerCase());
    if (builtin) return report(walk, 'capture_field_invalid', id, path, `Write the built-in field as "${builtin}".`);
    if (walk.options.customProperties && !walk.options.customProperties.includes(field)) {
      report(walk, 'unknown_custom_property', id, path, `There is no custom contact property "${field}".`);
    }
  });
}

function checkLiveChat(walk: Walk, card: Fields, id: string, own: string | null, at: Place): void {
  if (at.offline) {
    report(walk, 'live_chat_in_offline_branch', id, at.path, `${cardTitle('Live-chat card', own)} is inside an offline branch, which runs because nobody can chat.`);
  }
  checkText(walk, card.onlineMessage, id, `${at.path}.onlineMessage`, 'The online message');
  checkText(walk, card.offlineMessage, id, `${at.path}.offlineMessage`, 'The offline message');
  const wait = card.waitSeconds;
  if (!Number.isInteger(wait) || (wait as number) < LIMITS.flowWaitSecondsMin || (wait as number) > LIMITS.flowWaitSecondsMax) {
    report(walk, 'wait_seconds_out_of_range', id, `${at.path}.waitSeconds`, `The wait time must be a whole number of seconds from ${LIMITS.flowWaitSecondsMin} to ${LIMITS.flowWaitSecondsMax}.`);
  }
  checkBranch(walk, card.offline, { path: `${at.path}.offline`, depth: at.depth + 1, offline: true }, id);
}

function checkCard(walk: Walk, card: unknown, at: Place, isLast: boolean): void {
  walk.cards += 1;
  const own = ownId(walk, card, at.path);
  const id = own ?? walk.newCardId();
  if (!isObject(card)) return report(walk, 'invalid_card', id, at.path, 'A card must be an object with a "type".');
  if (card.id !== undefined && own === null) report(walk, 'invalid_card_id', id, `${at.path}.id`, 'A card id must be 1–64 letters, digits, "-" or "_".');
  if (typeof card.type !== 'string' || !Object.hasOwn(CARD_KEYS, card.type)) {
    return report(walk, 'invalid_card', id, `${at.path}.type`, `A card's type must be one of ${Object.keys(CARD_KEYS).join(', ')}.`);
  }
  for (const key of Object.keys(card)) {
    if (!CARD_KEYS[card.type].includes(key)) report(walk, 'invalid_card', id, `${at.path}.${key}`, `Unknown field "${key}" on a ${card.type} card.`);
  }
  switch (card.type) {
    case 'message':
      return checkText(walk, card.text, id, `${at.path}.text`, 'The message');
    case 'question':
      return checkQuestion(walk, card, id, at);
    case 'capture':
      return checkCapture(walk, card, id, at);
    case 'liveChat':
      if (!isLast) report(walk, 'live_chat_not_last', id, at.path, `${cardTitle('Live-chat card', own)} must be the last card of its branch: move the cards after it or remove them.`);
      return checkLiveChat(walk, card, id, own, at);
  }
}

/** `ownerId`: the card whose branch this is (null for the root), named in problems of the branch itself. */
function checkBranch(walk: Walk, branch: unknown, at: Place, ownerId: string | null): void {
  if (!Array.isArray(branch)) return report(walk, 'invalid_card', ownerId, at.path, `${ownerId === null ? 'The flow' : 'A branch'} must be a list of cards.`);
  if (at.depth > LIMITS.flowMaxDepth) {
    if (branch.length > 0) report(walk, 'too_deep', ownerId, at.path, `Branches can be nested at most ${LIMITS.flowMaxDepth} levels deep.`);
    return;
  }
  if (branch.length > LIMITS.flowCardsPerBranch) {
    report(walk, 'too_many_cards', ownerId, at.path, `A branch can have at most ${LIMITS.flowCardsPerBranch} cards (it has ${branch.length}).`);
  }
  branch.forEach((card, index) => checkCard(walk, card, { ...at, path: `${at.path}[${index}]` }, index === branch.length - 1));
}

/** Every problem of `flow` (the chatflow's root branch); none = valid. Paths start with `flow`. */
export function validateFlow(flow: unknown, options: FlowValidationOptions = {}): FlowProblem[] {
  const newCardId = options.newCardId ?? unusedIds(cardIds(flow));
  const walk: Walk = { problems: [], options, seenIds: new Map(), cards: 0, newCardId };
  if (Array.isArray(flow) && flow.length === 0) {
    return [{ code: 'empty_flow', cardId: null, path: 'flow', message: 'The flow needs at least one card (a live-chat card hands every chat to a person).' }];
  }
  checkBranch(walk, flow, { path: 'flow', depth: 1, offline: false }, null);
  if (walk.cards > LIMITS.flowMaxCards) {
    report(walk, 'too_many_cards', null, 'flow', `A flow can have at most ${LIMITS.flowMaxCards} cards (it has ${walk.cards}).`);
  }
  return walk.problems;
}
