/**
 * W6: which of a site's chatflows a page view gets — the first published one by priority whose
 * targeting matches — and the trail of what decided, for the admin preview (W19).
 */
import type { ChatflowTargeting, TargetingOutcome, VisitorSituation } from '@parley/protocol';
import { decideTargeting } from './targeting.js';

/** The fields of a chatflow the choice reads; callers pass their own richer rows through. */
export interface ChatflowCandidate {
  id: number;
  name: string;
  published: boolean;
  priority: number;
  targeting: ChatflowTargeting;
}

export type Consideration<T> = {
  chatflow: T;
  outcome: TargetingOutcome | { shown: false; reason: 'unpublished' };
};

export interface ChatflowChoice<T> {
  chosen: T | null;
  /** In priority order; stops at the chosen one. */
  considered: Consideration<T>[];
}

/** Lower priority first; ties by id so the order never depends on how rows were read. */
export function byPriority(a: ChatflowCandidate, b: ChatflowCandidate): number {
  return a.priority - b.priority || a.id - b.id;
}

export function chooseChatflow<T extends ChatflowCandidate>(chatflows: readonly T[], situation: VisitorSituation): ChatflowChoice<T> {
  const considered: Consideration<T>[] = [];
  for (const chatflow of [...chatflows].sort(byPriority)) {
    if (!chatflow.published) {
      considered.push({ chatflow, outcome: { shown: false, reason: 'unpublished' } });
      continue;
    }
    const outcome = decideTargeting(chatflow.targeting, situation);
    considered.push({ chatflow, outcome });
    if (outcome.shown) return { chosen: chatflow, considered };
  }
  return { chosen: null, considered };
}
