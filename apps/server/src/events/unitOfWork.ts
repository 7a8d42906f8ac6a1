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
    for (const event of events) {
      const row = await trx.insertInto('feed').values(toFeedRow(event, now)).returning('id').executeTakeFirstOrThrow();
      committed.push({ ...event, feedId: Number(row.id) });
    }
    return value;
  });
  ctx.bus.dispatch(committed);
  return result;
}
