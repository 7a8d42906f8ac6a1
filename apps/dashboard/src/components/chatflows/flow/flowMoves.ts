/**
 * W8 card editor, "Move to…": a card (with the branches it holds) taken out of its branch and put
 * at a place of another branch, and the places worth offering. Pure and immutable like flowDraft.
 */
import { LIMITS, type FlowBranch, type FlowCard } from '@parley/protocol';
import { branchAt, branchesOf, deleteCard, insertCard, type BranchPath, type BranchStep } from './flowDraft.js';

/** A card's place: its branch and its index there. As a move's target, the index it is inserted at. */
export interface CardPlace {
  path: BranchPath;
  index: number;
}

function sameStep(a: BranchStep, b: BranchStep): boolean {
  return a.card === b.card && answerOf(a) === answerOf(b);
}

function answerOf(step: BranchStep): number | null {
  return 'offline' in step ? null : step.answer;
}

function samePath(a: BranchPath, b: BranchPath): boolean {
  return a.length === b.length && a.every((step, at) => sameStep(step, b[at]));
}

/** Whether the branch at `path` is one of the card's own branches or lies deeper inside them. */
export function isInsideCard(path: BranchPath, card: CardPlace): boolean {
  return path.length > card.path.length && samePath(path.slice(0, card.path.length), card.path) && path[card.path.length].card === card.index;
}

/** The steps into each branch a card holds: its answers' branches or its offline branch. */
function stepsInto(card: FlowCard, index: number): BranchStep[] {
  return branchesOf(card).map((_, answer) => (card.type === 'liveChat' ? { card: index, offline: true } : { card: index, answer }));
}

/** Every branch of the flow, the root first, then depth first in reading order. */
export function everyBranch(flow: FlowBranch, path: BranchPath = []): BranchPath[] {
  return [path, ...branchAt(flow, path).flatMap((card, index) => stepsInto(card, index).flatMap((step) => everyBranch(flow, [...path, step])))];
}

/** Whether the card is a live-chat card or holds one somewhere in its branches. */
function holdsLiveChat(card: FlowCard): boolean {
  return card.type === 'liveChat' || branchesOf(card).some((branch) => branch.some(holdsLiveChat));
}

/** How many branch levels a card adds below its own branch (the engine's too_deep counts filled branches only). */
function levelsBelow(card: FlowCard): number {
  return Math.max(0, ...branchesOf(card).filter((branch) => branch.length > 0).map((branch) => 1 + Math.max(0, ...branch.map(levelsBelow))));
}

/**
 * The card at `from` moved to `to` (`to.index` counts the target branch as it is before the move),
 * and where it ended up, which differs when taking it out shifted its branch or the path to it.
 * A move into the card's own branches is impossible and changes nothing.
 */
export function moveCardTo(flow: FlowBranch, from: CardPlace, to: CardPlace): { flow: FlowBranch; place: CardPlace } {
  const card = branchAt(flow, from.path)[from.index];
  if (!card || isInsideCard(to.path, from)) return { flow, place: from };
  const depth = from.path.length;
  // Taking the card out moves the later cards of its branch one up, and so any path through them.
  const path = to.path.map((step, at) => (at === depth && samePath(to.path.slice(0, depth), from.path) && step.card > from.index ? { ...step, card: step.card - 1 } : step));
  const index = samePath(to.path, from.path) && to.index > from.index ? to.index - 1 : to.index;
  return { flow: insertCard(deleteCard(flow, from.path, from.index), path, index, card), place: { path, index } };
}

/**
 * The places "Move to…" offers for the card at `from`, in reading order: every branch outside the
 * card itself, at each place that changes something and keeps the flow valid where the move alone
 * decides it: nothing after a live-chat card, a live-chat card only last and never in an offline
 * branch, no branch over its card limit, no nesting deeper than the engine allows.
 */
export function moveTargets(flow: FlowBranch, from: CardPlace): CardPlace[] {
  const card = branchAt(flow, from.path)[from.index];
  if (!card) return [];
  const below = levelsBelow(card);
  return everyBranch(flow).flatMap((path) => {
    if (isInsideCard(path, from)) return [];
    const same = samePath(path, from.path);
    const branch = branchAt(flow, path);
    // The root branch is level 1, and each step goes one level deeper.
    if (path.length + 1 + below > LIMITS.flowMaxDepth) return [];
    if (!same && branch.length >= LIMITS.flowCardsPerBranch) return [];
    if (inOfflineBranch(path) && holdsLiveChat(card)) return [];
    const indexes = card.type === 'liveChat' ? [branch.length] : Array.from({ length: branch.length + 1 }, (_, index) => index);
    return indexes
      .filter((index) => !same || (index !== from.index && index !== from.index + 1))
      .filter((index) => branch[index - 1]?.type !== 'liveChat')
      .map((index) => ({ path, index }));
  });
}

function inOfflineBranch(path: BranchPath): boolean {
  return path.some((step) => 'offline' in step);
}
