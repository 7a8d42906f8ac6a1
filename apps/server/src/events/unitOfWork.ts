/**
 * A transaction that collects domain events. Before commit, the events are appended to the
 * realtime feed (under the workspace feed lock, so feed ids commit in order); after commit they
 * are dispatched to listeners. Nothing is published for a unit of work that rolls back.
 *
 * Units of work that arrive together share one transaction (group commit, commitGroups.ts); each
 * still succeeds or fails on its own.
 */
import type { AppContext } from '../domain/context.js';
import type { Storage } from '../storage/database.js';
import { CommitGroups, type UnitOfWork } from './commitGroups.js';

export type { UnitOfWork } from './commitGroups.js';

const groupsByStorage = new WeakMap<Storage, CommitGroups>();

export function inTransaction<T>(ctx: AppContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  return commitGroups(ctx.storage).run(ctx, work);
}

/** Units that must run in this order share one transaction; each result is settled on its own. */
export function inTransactionInOrder<T>(ctx: AppContext, works: Array<(uow: UnitOfWork) => Promise<T>>): Promise<Array<PromiseSettledResult<T>>> {
  return commitGroups(ctx.storage).runInOrder(ctx, works);
}

/** The group committer of a store (one per store, shared by everything writing through it). */
export function commitGroups(storage: Storage): CommitGroups {
  let groups = groupsByStorage.get(storage);
  if (!groups) {
    groups = new CommitGroups(storage);
    groupsByStorage.set(storage, groups);
  }
  return groups;
}
