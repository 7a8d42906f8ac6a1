/**
 * Places of a flow in words an admin reads: where a problem of the engine's `validateFlow` is (and
 * the card the editor shows it next to; paths are the engine's: `flow[1].answers[0].cards[2].text`),
 * and where "Move to…" can put a card.
 */
import type { FlowBranch, FlowCard, FlowCardType } from '@parley/protocol';
import { branchAt, cardsHeldBy, type BranchPath, type BranchStep } from './flowDraft.js';
import type { CardPlace } from './flowMoves.js';

/** Card type names as headings and menus show them ("Card 2: Question"). */
export const CARD_TYPE_NAMES: Record<FlowCardType, string> = {
  message: 'Message',
  question: 'Question',
  capture: 'Capture details',
  liveChat: 'Live chat',
};

/** One step down the tree: a card, then (maybe) one of its answers' branches or its offline branch. */
const STEP = /^\[(\d+)\](\.answers\[(\d+)\]\.cards|\.offline)?/;

/** "Flow card 2 › answer 1 › card 1: " for a path, so the list by Save names the card. */
export function whereInFlow(path: string): string {
  const parts: string[] = [];
  let rest = path.replace(/^flow/, '');
  for (let match = STEP.exec(rest); match; match = STEP.exec(rest)) {
    parts.push(`card ${Number(match[1]) + 1}`);
    if (match[2] === '.offline') parts.push('offline branch');
    else if (match[3] !== undefined) parts.push(`answer ${Number(match[3]) + 1}`);
    if (!match[2]) break;
    rest = rest.slice(match[0].length);
  }
  // A path that ends in a branch (an empty answer) names the branch's card, which is right: it is fixed there.
  if (parts.length > 0 && !/^card/.test(parts[parts.length - 1])) parts.pop();
  return parts.length > 0 ? `Flow ${parts.join(' › ')}: ` : 'Flow: ';
}

/** A card's own problems: at its path or one of its fields, not those of the cards in its branches. */
export function isOnCard(problemPath: string, cardPath: string): boolean {
  if (problemPath === cardPath) return true;
  if (!problemPath.startsWith(`${cardPath}.`)) return false;
  return !/^(\.answers\[\d+\]\.cards|\.offline)\[\d+\]/.test(problemPath.slice(cardPath.length));
}

/** Problems of the root branch itself (an empty flow), shown above the cards. */
export function isOnFlow(problemPath: string): boolean {
  return problemPath === 'flow';
}

/** Long texts are cut in names of places, so a menu of them stays readable. */
function quoted(text: string, max = 40): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return `“${trimmed.length > max ? `${trimmed.slice(0, max - 1).trimEnd()}…` : trimmed}”`;
}

/** One step into a branch in words: `answer “Pricing” of “What can we help with?”`, `offline branch of live chat card 4`. */
function stepName(card: FlowCard | undefined, step: BranchStep): string {
  if ('offline' in step) return `offline branch of ${CARD_TYPE_NAMES.liveChat.toLowerCase()} card ${step.card + 1}`;
  const ofCard = card?.type === 'question' && card.text.trim() ? quoted(card.text) : `card ${step.card + 1}`;
  const label = card?.type === 'question' ? (card.answers[step.answer]?.label ?? '') : '';
  return `answer ${label.trim() ? quoted(label) : step.answer + 1} of ${ofCard}`;
}

/** A branch in words, from the root, mid-sentence: "the flow", "answer “Sales” of “Sales or support?”", nested ones joined by "›". */
export function branchWords(flow: FlowBranch, path: BranchPath): string {
  if (path.length === 0) return 'the flow';
  return path.map((step, at) => stepName(branchAt(flow, path.slice(0, at))[step.card], step)).join(' › ');
}

/** A branch in words as a menu starts it: "Flow", "Answer “Sales” of “Sales or support?”". */
export function branchName(flow: FlowBranch, path: BranchPath): string {
  if (path.length === 0) return 'Flow';
  const words = branchWords(flow, path);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A place to put a card, named by the cards there now: "Flow, after card 2: Question". */
export function placeName(flow: FlowBranch, place: CardPlace): string {
  const cards = branchAt(flow, place.path);
  if (cards.length === 0) return `${branchName(flow, place.path)} (no cards yet)`;
  if (place.index === 0) return `${branchName(flow, place.path)}, at the start`;
  return `${branchName(flow, place.path)}, after card ${place.index}: ${CARD_TYPE_NAMES[cards[place.index - 1].type]}`;
}

/** What deleting a card takes with it, said before it is deleted. */
export function deletedWith(card: FlowCard): string {
  const count = cardsHeldBy(card);
  const cards = count === 1 ? 'The card' : `The ${count} cards`;
  const verb = count === 1 ? 'is' : 'are';
  if (card.type !== 'question') return `${cards} of its offline branch ${verb} deleted with it.`;
  const answers = card.answers.flatMap((answer, at) => (answer.cards.length > 0 ? [`answer ${answer.label.trim() ? quoted(answer.label) : at + 1}`] : []));
  const named = answers.length > 1 ? `${answers.slice(0, -1).join(', ')} and ${answers.at(-1)}` : answers[0];
  return `${cards} after ${named} ${verb} deleted with it.`;
}
