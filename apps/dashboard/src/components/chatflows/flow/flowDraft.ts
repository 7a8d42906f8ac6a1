/**
 * W8 card editor: pure, immutable operations on a flow of cards. A branch is found by its steps
 * from the root branch (a card's index, then one of its answers or its offline branch); every
 * operation returns a new flow that shares the untouched branches with the old one.
 */
import { DEFAULT_WAIT_SECONDS } from '@parley/chatflow';
import type { FlowBranch, FlowCard, FlowCardType, QuestionCard } from '@parley/protocol';

export type BranchStep = { card: number; answer: number } | { card: number; offline: true };
/** The root branch is `[]`. */
export type BranchPath = readonly BranchStep[];

/** A new card of `type` with nothing written yet (the editor asks for the texts). */
export function newCard(type: FlowCardType): FlowCard {
  switch (type) {
    case 'message':
      return { type, text: '' };
    case 'question':
      return { type, text: '', answers: [{ label: '', cards: [] }] };
    case 'capture':
      return { type, text: '', fields: ['email'] };
    case 'liveChat':
      return { type, onlineMessage: '', offlineMessage: '', waitSeconds: DEFAULT_WAIT_SECONDS, offline: [] };
  }
}

/** The branch a step leads into, from the card it starts at (none when the card has no such branch). */
function branchOf(card: FlowCard | undefined, step: BranchStep): FlowBranch | undefined {
  if ('offline' in step) return card?.type === 'liveChat' ? card.offline : undefined;
  return card?.type === 'question' ? card.answers[step.answer]?.cards : undefined;
}

/** The branch at `path`; an empty list when the path leads nowhere. */
export function branchAt(flow: FlowBranch, path: BranchPath): FlowBranch {
  let branch: FlowBranch | undefined = flow;
  for (const step of path) branch = branchOf(branch?.[step.card], step);
  return branch ?? [];
}

/** A copy of `flow` with the branch at `path` replaced by `change(branch)`. */
function changeBranch(flow: FlowBranch, path: BranchPath, change: (branch: FlowBranch) => FlowBranch): FlowBranch {
  if (path.length === 0) return change(flow);
  const [step, ...rest] = path;
  const card = flow[step.card];
  const inner = branchOf(card, step);
  if (!card || !inner) return flow;
  const next = changeBranch(inner, rest, change);
  let changed: FlowCard;
  if ('offline' in step && card.type === 'liveChat') changed = { ...card, offline: next };
  else if (!('offline' in step) && card.type === 'question') {
    changed = { ...card, answers: card.answers.map((answer, index) => (index === step.answer ? { ...answer, cards: next } : answer)) };
  } else return flow;
  return flow.map((each, index) => (index === step.card ? changed : each));
}

/** `card` inserted at `index` of the branch (clamped to its ends). */
export function insertCard(flow: FlowBranch, path: BranchPath, index: number, card: FlowCard): FlowBranch {
  return changeBranch(flow, path, (branch) => {
    const at = Math.max(0, Math.min(index, branch.length));
    return [...branch.slice(0, at), card, ...branch.slice(at)];
  });
}

/** The card at `index` swapped with its neighbour `by` (-1 up, 1 down); unchanged at the ends. */
export function moveCard(flow: FlowBranch, path: BranchPath, index: number, by: -1 | 1): FlowBranch {
  return changeBranch(flow, path, (branch) => swapped(branch, index, by));
}

/** A copy of `list` with the item at `index` swapped with its neighbour `by`; `list` itself past the ends. */
function swapped<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** The branch without the card at `index` (and so without the branches that card holds). */
export function deleteCard(flow: FlowBranch, path: BranchPath, index: number): FlowBranch {
  return changeBranch(flow, path, (branch) => branch.filter((_, at) => at !== index));
}

/** The card at `index` replaced (its edited texts or fields). */
export function replaceCard(flow: FlowBranch, path: BranchPath, index: number, card: FlowCard): FlowBranch {
  return changeBranch(flow, path, (branch) => branch.map((each, at) => (at === index ? card : each)));
}

/** Changes the question card at `index` with `change`; anything else is left alone. */
function changeQuestion(flow: FlowBranch, path: BranchPath, index: number, change: (card: QuestionCard) => QuestionCard): FlowBranch {
  const card = branchAt(flow, path)[index];
  return card?.type === 'question' ? replaceCard(flow, path, index, change(card)) : flow;
}

/** A new answer, with an empty branch of its own, at the end of the question's answers. */
export function addAnswer(flow: FlowBranch, path: BranchPath, index: number, label = ''): FlowBranch {
  return changeQuestion(flow, path, index, (card) => ({ ...card, answers: [...card.answers, { label, cards: [] }] }));
}

/** The question without its answer `answer` and that answer's branch. */
export function removeAnswer(flow: FlowBranch, path: BranchPath, index: number, answer: number): FlowBranch {
  return changeQuestion(flow, path, index, (card) => ({ ...card, answers: card.answers.filter((_, at) => at !== answer) }));
}

/** The answer `answer` swapped with its neighbour `by` (-1 up, 1 down), its branch with it; unchanged at the ends. */
export function moveAnswer(flow: FlowBranch, path: BranchPath, index: number, answer: number, by: -1 | 1): FlowBranch {
  return changeQuestion(flow, path, index, (card) => ({ ...card, answers: swapped(card.answers, answer, by) }));
}

export function renameAnswer(flow: FlowBranch, path: BranchPath, index: number, answer: number, label: string): FlowBranch {
  return changeQuestion(flow, path, index, (card) => ({
    ...card,
    answers: card.answers.map((each, at) => (at === answer ? { ...each, label } : each)),
  }));
}

/** The branches a card holds: its answers' branches, or its offline branch. */
export function branchesOf(card: FlowCard): FlowBranch[] {
  if (card.type === 'question') return card.answers.map((answer) => answer.cards);
  return card.type === 'liveChat' ? [card.offline] : [];
}

/** The cards in a card's branches, at any depth: what deleting it deletes too. */
export function cardsHeldBy(card: FlowCard): number {
  return branchesOf(card).reduce((sum, branch) => sum + branch.reduce((inner, each) => inner + 1 + cardsHeldBy(each), 0), 0);
}

/** Deleting it would also delete cards in its branches, so the editor asks first. */
export function holdsCards(card: FlowCard): boolean {
  return cardsHeldBy(card) > 0;
}

/** The engine's path of a branch (`flow[1].answers[0].cards`), as `validateFlow` reports it. */
export function branchPathText(path: BranchPath): string {
  return path.reduce((text, step) => `${text}[${step.card}]${'offline' in step ? '.offline' : `.answers[${step.answer}].cards`}`, 'flow');
}

/** The engine's path of the card at `index` of a branch (`flow[1].answers[0].cards[2]`). */
export function cardPathText(path: BranchPath, index: number): string {
  return `${branchPathText(path)}[${index}]`;
}
