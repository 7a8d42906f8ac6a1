/**
 * W8 card ids. A stored conversation remembers where it is in the flow by card id, so an id, once
 * given, stays with its card across saves, and an id that was ever in the stored flow is never
 * handed to another card (a conversation waiting on a deleted card must not jump to a new one).
 */
import { CARD_ID_PATTERN, type FlowBranch } from '@parley/protocol';

const ID = new RegExp(CARD_ID_PATTERN);

type Visit = (card: Record<string, unknown>) => void;

/** Calls `visit` on every card object of a branch, depth first in reading order; tolerates any shape. */
export function walkCards(branch: unknown, visit: Visit): void {
  if (!Array.isArray(branch)) return;
  for (const card of branch) {
    if (typeof card !== 'object' || card === null || Array.isArray(card)) continue;
    const fields = card as Record<string, unknown>;
    visit(fields);
    if (Array.isArray(fields.answers)) {
      for (const answer of fields.answers) {
        if (typeof answer === 'object' && answer !== null) walkCards((answer as Record<string, unknown>).cards, visit);
      }
    }
    walkCards(fields.offline, visit);
  }
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
 * A copy of `flow` where every card without an id gets one that neither the flow nor
 * `existingIds` uses; cards with an id keep it (duplicates are left for `validateFlow` to refuse).
 */
export function assignCardIds<T extends FlowBranch>(flow: T, existingIds: Iterable<string> = [], newId: () => string = countingIds()): T {
  const copy = structuredClone(flow);
  const used = new Set([...existingIds, ...cardIds(copy)]);
  walkCards(copy, (card) => {
    if (card.id !== undefined) return;
    let id = newId();
    while (used.has(id)) id = newId();
    if (!ID.test(id)) throw new Error(`card id generator gave "${id}", which is not a card id`);
    used.add(id);
    card.id = id;
  });
  return copy;
}

/** A copy of `flow` with every card given a new id (a duplicated chatflow's flow). */
export function renewCardIds<T extends FlowBranch>(flow: T, newId: () => string = countingIds()): T {
  const copy = structuredClone(flow);
  walkCards(copy, (card) => {
    delete card.id;
  });
  return assignCardIds(copy, cardIds(flow), newId);
}
