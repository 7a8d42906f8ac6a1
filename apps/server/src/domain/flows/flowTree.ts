/**
 * W8: finding one's way in a flow of cards by card id. A conversation stores only the id of the
 * card it waits at; what runs next is worked out from the tree: the next card of the same branch,
 * or, at the end of an answer's branch, the card after that question in the branch around it.
 * The end of an offline branch ends the flow (the hand-off already happened).
 */
import type { FlowBranch, FlowCard, LiveChatCard } from '@parley/protocol';

/** One step down the tree: a branch and the index of a card in it. */
interface Frame {
  branch: FlowBranch;
  index: number;
  /** The live-chat card whose offline branch this is; undefined for the root and answer branches. */
  offlineOf?: LiveChatCard;
}

/** The frames from the root to the card with `cardId`, or null when the flow has no such card (edited away). */
export function pathTo(flow: FlowBranch, cardId: string): Frame[] | null {
  const search = (branch: FlowBranch, above: Frame[], offlineOf?: LiveChatCard): Frame[] | null => {
    for (let index = 0; index < branch.length; index++) {
      const card = branch[index]!;
      const here = [...above, { branch, index, offlineOf }];
      if (card.id === cardId) return here;
      if (card.type === 'question') {
        for (const answer of card.answers) {
          const found = search(answer.cards, here);
          if (found) return found;
        }
      }
      if (card.type === 'liveChat') {
        const found = search(card.offline, here, card);
        if (found) return found;
      }
    }
    return null;
  };
  return search(flow, []);
}

export function findCard(flow: FlowBranch, cardId: string): FlowCard | null {
  const path = pathTo(flow, cardId);
  if (!path) return null;
  const last = path[path.length - 1]!;
  return last.branch[last.index]!;
}

/**
 * The cards that run after the card with `cardId` (which took its turn), in order, up to the end
 * of the path: the rest of its branch, then the rest of each enclosing branch after its question.
 * `offlineEnd` tells whether the path ends inside an offline branch (the flow is then over).
 */
export function cardsAfter(flow: FlowBranch, cardId: string): { cards: FlowCard[]; inOffline: boolean } | null {
  const path = pathTo(flow, cardId);
  if (!path) return null;
  const cards: FlowCard[] = [];
  let inOffline = false;
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const frame = path[depth]!;
    cards.push(...frame.branch.slice(frame.index + 1));
    // An offline branch does not climb back past its live-chat card: the hand-off was the end.
    if (frame.offlineOf) {
      inOffline = true;
      break;
    }
  }
  return { cards, inOffline };
}

/** The cards an answer leads to, followed by whatever comes after its question. */
export function cardsAfterAnswer(flow: FlowBranch, questionId: string, answerIndex: number): { cards: FlowCard[]; inOffline: boolean } | null {
  const question = findCard(flow, questionId);
  const after = cardsAfter(flow, questionId);
  if (!question || question.type !== 'question' || !after) return null;
  const answer = question.answers[answerIndex];
  if (!answer) return null;
  return { cards: [...answer.cards, ...after.cards], inOffline: after.inOffline };
}
