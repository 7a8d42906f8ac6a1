/**
 * Where a problem of the engine's `validateFlow` is, in words an admin reads and on the card the
 * editor shows it next to. Paths are the engine's: `flow[1].answers[0].cards[2].text`.
 */
import type { FlowCardType } from '@parley/protocol';

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
