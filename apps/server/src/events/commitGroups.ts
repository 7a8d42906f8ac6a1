/**
 * Group commit: units of work that arrive while the store is busy share one transaction and one
 * commit (on SQLite, one fsync) instead of paying for one each. A unit that fails is rolled back
 * alone and its caller gets the error; the others commit (see runGroup: the group first runs
 * without savepoints and, only when a unit fails, again with one savepoint per unit). Callers are
 * answered (and their events dispatched) only after the commit, so an acknowledged write is as
 * durable as before.
 *
 * A group starts when a transaction slot is free (SQLite has one connection: one slot;
 * PostgreSQL a few, see StorageDriver.transactionSlots). Units that arrive while every slot is
 * busy wait together and become the next group, so groups grow with load and a lone unit on an
 * idle node runs at once, alone.
 *
 * A unit must never open another unit and wait for it: the inner one would wait for a slot its
 * own parent holds (on SQLite, for the one connection). Nothing in Parley does.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../domain/context.js';
import type { Storage } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import type { CommittedEvent, DomainEvent } from './domainEvents.js';
import { toFeedRow } from './feedRows.js';

export interface UnitOfWork {
  trx: Transaction<Database>;
  now: number;
  emit(event: DomainEvent): void;
}

type Work<T> = (uow: UnitOfWork) => Promise<T>;

interface Pending {
  ctx: AppContext;
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** Times this unit lost a lock conflict that only grouping caused; retried alone after that. */
  conflicts: number;
}

interface Done {
  pending: Pending;
  value: unknown;
  events: DomainEvent[];
  now: number;
}

/** Bounds a group so the first unit in it is not kept waiting behind too many others. */
const MAX_GROUP = 64;
/** Units between two turns of the event loop inside a group. */
const YIELD_EVERY = 8;
/** A unit that hit a deadlock or serialization failure inside a group is retried this often. */
const MAX_CONFLICTS = 2;

export class CommitGroups {
  /**
   * Transactions run, units of work they carried (a unit run twice counts twice) and groups run
   * again with savepoints because a unit failed (metrics, tests, benches).
   */
  readonly stats = { transactions: 0, units: 0, largestGroup: 0, isolatedReruns: 0 };
  private waiting: Pending[] = [];
  private inFlight = 0;
  private startQueued = false;

  constructor(private readonly storage: Storage) {}

  run<T>(ctx: AppContext, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { ctx, work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject, conflicts: 0 };
      this.waiting.push(pending);
      this.scheduleStart();
    });
  }

  /**
   * Runs units in this order in one transaction of their own (each still in its own savepoint):
   * for work whose order matters, such as overdue deadlines fired in due order.
   */
  runInOrder<T>(ctx: AppContext, works: Array<Work<T>>): Promise<Array<PromiseSettledResult<T>>> {
    const group: Pending[] = [];
    const settled = works.map(
      (work) =>
        new Promise<T>((resolve, reject) => {
          // No retry on a lock conflict: the caller (the deadline runner) retries on its own terms.
          group.push({ ctx, work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject, conflicts: MAX_CONFLICTS });
        }),
    );
    if (group.length > 0) void this.runGroup(group, 'isolated');
    return Promise.allSettled(settled);
  }

  /**
   * Starting on the next turn of the event loop lets everything that arrived in this turn (a
   * burst of socket frames, say) join one group instead of the first unit going alone.
   */
  private scheduleStart(): void {
    if (this.startQueued) return;
    this.startQueued = true;
    setImmediate(() => {
      this.startQueued = false;
      this.startGroups();
    });
  }

  private startGroups(): void {
    const slots = this.storage.driver.transactionSlots;
    // Units of one group run one after another, so what is waiting is spread over every free
    // slot (PostgreSQL runs the groups side by side) rather than piled into the first.
    const free = slots - this.inFlight;
    const size = free > 0 ? Math.min(MAX_GROUP, Math.ceil(this.waiting.length / free)) : 0;
    while (this.inFlight < slots && this.waiting.length > 0) {
      const group = this.waiting.splice(0, size);
      this.inFlight++;
      void this.runGroup(group).finally(() => {
        this.inFlight--;
        if (this.waiting.length > 0) this.startGroups();
      });
    }
  }

  /**
   * `optimistic` runs the units without savepoints (two round trips less per unit); if any of
   * them fails, the whole transaction is rolled back and the group runs again `isolated`, each
   * unit in its own savepoint, so only the failing one fails. Units must therefore be safe to
   * run twice, which a unit that only talks to the database through its transaction is.
   */
  private async runGroup(group: Pending[], mode: 'optimistic' | 'isolated' = 'optimistic'): Promise<void> {
    const done: Done[] = [];
    const failed: Array<{ pending: Pending; error: unknown }> = [];
    const withoutSavepoints = group.length === 1 || mode === 'optimistic';
    this.stats.transactions++;
    this.stats.units += group.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    let committed: CommittedEvent[][] = [];
    try {
      committed = await this.storage.db.transaction().execute(async (trx) => {
        for (const [index, pending] of group.entries()) {
          // SQLite answers on the event loop, so a group would otherwise hold it from the first
          // unit to the commit; a turn now and then lets sockets and HTTP be served meanwhile.
          if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
          const outcome = await runUnit(trx, pending, withoutSavepoints);
          if (outcome.ok) done.push(outcome.done);
          else failed.push({ pending, error: outcome.error });
        }
        return appendToFeed(this.storage, trx, done);
      });
    } catch (error) {
      if (mode === 'optimistic' && group.length > 1) {
        this.stats.isolatedReruns++;
        return this.runGroup(group, 'isolated');
      }
      // The commit itself, a lone unit or a savepoint rollback failed: nothing of this group is
      // stored. A unit that had failed on its own keeps its own error.
      const ownErrors = new Map(failed.map((entry) => [entry.pending, entry.error]));
      for (const pending of group) pending.reject(ownErrors.has(pending) ? ownErrors.get(pending) : error);
      return;
    }
    done.forEach(({ pending, value }, i) => {
      pending.ctx.bus.dispatch(committed[i]!);
      pending.resolve(value);
    });
    for (const { pending, error } of failed) {
      if (group.length > 1 && pending.conflicts < MAX_CONFLICTS && this.storage.driver.isLockConflict(error)) {
        // Sharing a transaction made this unit wait on a lock held by another group; alone it
        // would only have waited. Run it again in a group of its own.
        pending.conflicts++;
        void this.runGroup([pending]);
      } else {
        pending.reject(error);
      }
    }
  }
}

type Outcome = { ok: true; done: Done } | { ok: false; error: unknown };

async function runUnit(trx: Transaction<Database>, pending: Pending, withoutSavepoint: boolean): Promise<Outcome> {
  const events: DomainEvent[] = [];
  const now = pending.ctx.clock();
  const uow: UnitOfWork = { trx, now, emit: (event) => events.push(event) };
  // A lone (or optimistic) unit needs no savepoint: if it fails, the whole transaction rolls back.
  if (withoutSavepoint) return { ok: true, done: { pending, value: await pending.work(uow), events, now } };
  await sql`savepoint unit`.execute(trx);
  try {
    const value = await pending.work(uow);
    await sql`release savepoint unit`.execute(trx);
    return { ok: true, done: { pending, value, events, now } };
  } catch (error) {
    await sql`rollback to savepoint unit`.execute(trx);
    await sql`release savepoint unit`.execute(trx);
    return { ok: false, error };
  }
}

/**
 * Appends the events of every unit that succeeded to the realtime feed, in unit order, with one
 * statement, under the feed lock of each workspace involved (see StorageDriver.lockFeed).
 * Returns each unit's events with their feed ids.
 */
async function appendToFeed(storage: Storage, trx: Transaction<Database>, done: Done[]): Promise<CommittedEvent[][]> {
  const all = done.flatMap(({ events, now }) => events.map((event) => ({ event, now })));
  if (all.length === 0) return done.map(() => []);
  const workspaces = [...new Set(all.map(({ event }) => event.workspaceId))].sort((a, b) => a - b);
  for (const workspaceId of workspaces) await storage.driver.lockFeed(trx, workspaceId);
  // Ids are drawn in VALUES order, so the sorted ids line up with the events.
  const rows = await trx.insertInto('feed').values(all.map(({ event, now }) => toFeedRow(event, now))).returning('id').execute();
  const ids = rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  let next = 0;
  return done.map(({ events }) => events.map((event) => ({ ...event, feedId: ids[next++]! })));
}
