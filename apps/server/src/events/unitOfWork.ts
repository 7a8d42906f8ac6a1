/**
 * A transaction that collects domain events. Before commit, the events are appended to the
 * realtime feed (under the workspace feed lock, so feed ids commit in order); after commit they
 * are dispatched to listeners. Nothing is published for a transaction that rolls back.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../domain/context.js';
import type { Database } from '../storage/schema.js';
import type { CommittedEvent, DomainEvent } from './domainEvents.js';
import { toFeedRow } from './feedRows.js';

export interface UnitOfWork {
  trx: Transaction<Database>;
  now: number;
  emit(event: DomainEvent): void;
}

export async function inTransaction<T>(ctx: AppContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const committed: CommittedEvent[] = [];
  const result = await ctx.storage.db.transaction().execute(async (trx) => {
    const events: DomainEvent[] = [];
    const now = ctx.clock();
    const value = await work({ trx, now, emit: (event) => events.push(event) });
    const workspaces = [...new Set(events.map((e) => e.workspaceId))].sort((a, b) => a - b);
    for (const workspaceId of workspaces) await ctx.storage.driver.lockFeed(trx, workspaceId);
    if (events.length > 0) {
      // One statement for all rows keeps the time under the feed lock short. Ids are drawn in
      // VALUES order, so the sorted ids line up with the events.
      const rows = await trx.insertInto('feed').values(events.map((event) => toFeedRow(event, now))).returning('id').execute();
      const ids = rows.map((row) => Number(row.id)).sort((a, b) => a - b);
      events.forEach((event, i) => committed.push({ ...event, feedId: ids[i]! }));
    }
    return value;
  });
  ctx.bus.dispatch(committed);
  return result;
}
