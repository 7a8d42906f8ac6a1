/**
 * W8 card ids. A stored conversation remembers where it is in the flow by card id, so an id, once
 * given, stays with its card across saves, and an id that was ever in the stored flow is never
 * handed to another card (a conversation waiting on a deleted card must not jump to a new one).
 */
import { CARD_ID_PATTERN, LIMITS, type FlowBranch } from '@parley/protocol';
import { isObject, type Fields } from './validate.js';

const ID = new RegExp(CARD_ID_PATTERN);

type Visit = (card: Fields) => void;

/**
 * Calls `visit` on every card object of a branch, depth first in reading order; tolerates any
 * shape. Only as deep as branches may nest (LIMITS.flowMaxDepth): `validateFlow` refuses anything
 * deeper without reading it, and a body nested thousands of levels must not exhaust the stack.
 */
export function walkCards(branch: unknown, visit: Visit, depth = 1): void {
  if (!Array.isArray(branch) || depth > LIMITS.flowMaxDepth) return;
  for (const card of branch) {
    if (!isObject(card)) continue;
    visit(card);
    if (Array.isArray(card.answers)) {
      for (const answer of card.answers) {
        if (isObject(answer)) walkCards(answer.cards, visit, depth + 1);
      }
    }
    walkCards(card.offline, visit, depth + 1);
  }
}

/**
 * A copy of a branch's cards, answers and branches (as deep as `walkCards` goes), for giving or
 * removing ids without touching the original; texts, fields and anything deeper are shared.
 */
function copyCards<T>(branch: T, depth = 1): T {
  if (!Array.isArray(branch) || depth > LIMITS.flowMaxDepth) return branch;
  return branch.map((card: unknown) => {
    if (!isObject(card)) return card;
    const copy = { ...card };
    if (Array.isArray(copy.answers)) {
      copy.answers = copy.answers.map((answer: unknown) => (isObject(answer) && 'cards' in answer ? { ...answer, cards: copyCards(answer.cards, depth + 1) } : answer));
    }
    if ('offline' in copy) copy.offline = copyCards(copy.offline, depth + 1);
    return copy;
  }) as T;
}

/** The ids the cards of a flow carry (valid or not). */
export function cardIds(flow: unknown): string[] {
  const ids: string[] = [];
  walkCards(flow, (card) => {
    if (typeof card.id === 'string') ids.push(card.id);
  });
  return ids;
}

/** Counting ids (`card-1`, `card-2`, …): the default, so the engine stays free of randomness. */
export function countingIds(prefix = 'card-'): () => string {
  let next = 1;
  return () => `${prefix}${next++}`;
}

/**
 * Ids from `newId` that none of `used` has, each remembered once given (counting ids would
 * otherwise repeat ids a flow already carries).
 */
export function unusedIds(used: Iterable<string>, newId: () => string = countingIds()): () => string {
  const taken = new Set(used);
  return () => {
    let id = newId();
    while (taken.has(id)) id = newId();
    if (!ID.test(id)) throw new Error(`card id generator gave "${id}", which is not a card id`);
    taken.add(id);
    return id;
  };
}

/**
 * A copy of `flow` where every card without an id gets one that neither the flow nor
 * `existingIds` uses; cards with an id keep it (duplicates and malformed ids are left for
 * `validateFlow` to refuse). Any shape is tolerated, so ids can be given before validation and
 * its problems can name the cards by the ids they would be saved with.
 */
export function assignCardIds<T = FlowBranch>(flow: T, existingIds: Iterable<string> = [], newId: () => string = countingIds()): T {
  const copy = copyCards(flow);
  const nextId = unusedIds([...existingIds, ...cardIds(copy)], newId);
  walkCards(copy, (card) => {
    if (card.id === undefined) card.id = nextId();
  });
  return copy;
}

/** A copy of `flow` with every card given a new id (a duplicated chatflow's flow). */
export function renewCardIds<T extends FlowBranch>(flow: T, newId: () => string = countingIds()): T {
  const copy = copyCards(flow);
  walkCards(copy, (card) => {
    delete card.id;
  });
  return assignCardIds(copy, cardIds(flow), newId);
}
