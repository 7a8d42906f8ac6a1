/**
 * W8: a chatflow's flow as stored (JSON in `chatflows.flow`) and as an editor sends it. Cards
 * without an id get a random one (ids of the stored flow are never handed out again, so a
 * conversation waiting on a deleted card cannot land on a new one); then the engine's
 * `validateFlow` decides, at every depth, and any problem refuses the whole change.
 */
import { randomBytes } from 'node:crypto';
import { assignCardIds, cardIds, defaultFlow, renewCardIds, unusedIds, validateFlow } from '@parley/chatflow';
import type { ChatflowLanguage, FlowBranch } from '@parley/protocol';
import type { ChatflowRow } from '../../storage/schema.js';
import { parseRouting } from '../routing/routingSettings.js';
import { InvalidFlowError } from './invalidFlowError.js';

/** Short random card ids: unique enough inside one workspace's flows and readable in paths. */
export const randomCardId = (): string => `c${randomBytes(6).toString('hex')}`;

/** The flow a chatflow without one behaves as: live chat right after the welcome, with its fallback message. */
export function flowFromBehaviour(language: ChatflowLanguage, routingJson: string): FlowBranch {
  return defaultFlow(language, { offlineMessage: parseRouting(routingJson).fallbackMessage });
}

/** The stored flow; a row without a readable one (never after migration 020) behaves as before flows. */
export function parseFlow(row: Pick<ChatflowRow, 'flow' | 'settings' | 'routing'>, language: ChatflowLanguage): FlowBranch {
  if (row.flow) {
    try {
      const value: unknown = JSON.parse(row.flow);
      if (Array.isArray(value) && value.length > 0) return value as FlowBranch;
    } catch {
      // fall through to the behaviour it had before
    }
  }
  return flowFromBehaviour(language, row.routing);
}

/**
 * An editor's flow with ids given to new cards, or `InvalidFlowError` naming the cards at fault.
 * `flow` is whatever the body held (the request schema only bounds its length): ids are given
 * first, so a problem of a card sent without an id names the id it would have been saved with,
 * and cards that cannot carry one (a malformed id, not an object) are named from the same source.
 */
export function checkFlow(flow: unknown, stored: FlowBranch | null): FlowBranch {
  const storedIds = stored ? cardIds(stored) : [];
  const withIds = assignCardIds(flow, storedIds, randomCardId);
  const problems = validateFlow(withIds, { newCardId: unusedIds([...storedIds, ...cardIds(withIds)], randomCardId) });
  if (problems.length > 0) throw new InvalidFlowError(problems);
  return withIds as FlowBranch;
}

/** A duplicated chatflow's flow: the same cards, each with a new id. */
export function copyFlow(flow: FlowBranch): FlowBranch {
  return renewCardIds(flow, randomCardId);
}
