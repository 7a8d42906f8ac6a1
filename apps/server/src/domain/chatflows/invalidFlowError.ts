import type { FlowProblem } from '@parley/protocol';
import { DomainError } from '../errors.js';

/** How many problems an error body lists at most; the first is the one named in `cardId`. */
const MAX_LISTED = 20;

/**
 * `invalid_flow` with what the engine found: the body carries the first offending card's id
 * (`cardId`) and the problems, each with its code, card id and path, so the editor can show them
 * on their cards.
 */
export class InvalidFlowError extends DomainError {
  readonly problems: FlowProblem[];
  constructor(problems: FlowProblem[]) {
    const first = problems[0];
    super('invalid_flow', first ? `${first.path}: ${first.message}` : undefined);
    this.problems = problems.slice(0, MAX_LISTED);
  }

  get cardId(): string | null {
    return this.problems.find((problem) => problem.cardId !== null)?.cardId ?? null;
  }
}
