/**
 * Fires due deadlines on this node (R6). Each tick leases a batch of due rows and runs their
 * handlers one by one. A transactional handler runs inside the same unit of work that deletes
 * its deadline, so its effect and the deadline's completion commit together or not at all; a
 * lease lost to another node (or a deadline moved meanwhile) rolls the effect back.
 */
import type { AppContext } from '../domain/context.js';
import {
  completeDeadline,
  completeDeadlines,
  leaseDueDeadlines,
  retryDeadlineLater,
  type DeadlineKind,
} from '../domain/deadlines/deadlineStore.js';
import { inTransaction, inTransactionInOrder, type UnitOfWork } from '../events/unitOfWork.js';
import type { DeadlineRow } from '../storage/schema.js';

export type DeadlineHandler =
  | { transactional: true; run(uow: UnitOfWork, deadline: DeadlineRow): Promise<void> }
  /** For side effects outside the database (email): at least once, completed after success. */
  | { transactional: false; run(deadline: DeadlineRow): Promise<void> };

type TransactionalHandler = Extract<DeadlineHandler, { transactional: true }>;

const LEASE_MS = 60_000;
const BATCH = 50;

class LeaseLost extends Error {}

export class DeadlineRunner {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private kickQueued = false;
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly handlers: Record<DeadlineKind, DeadlineHandler>,
    private readonly pollMs = 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick().catch(() => undefined), this.pollMs);
    this.timer.unref();
  }

  /** Something was scheduled for now: run soon, folding bursts of kicks into one tick. */
  kick(): void {
    if (this.kickQueued || this.stopped) return;
    this.kickQueued = true;
    setImmediate(() => {
      this.kickQueued = false;
      void this.tick().catch(() => undefined);
    });
  }

  /** Fires everything due now; ticks never overlap on one node. Resolves with how many fired. */
  tick(): Promise<number> {
    const run = this.chain.then(() => this.fireDue());
    this.chain = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain;
  }

  private async fireDue(): Promise<number> {
    let fired = 0;
    while (!this.stopped) {
      const batch = await leaseDueDeadlines(this.ctx.storage.db, this.ctx.storage.driver, this.ctx.nodeId, this.ctx.clock(), LEASE_MS, BATCH);
      if (batch.length === 0) break;
      // Deadlines fire in due order. Consecutive transactional ones share one transaction (one
      // commit) instead of each waiting for its own; a drain, which serves every waiting chat,
      // and a deadline with effects outside the database go on their own.
      let run: Array<{ deadline: DeadlineRow; handler: TransactionalHandler }> = [];
      for (const group of groupDrains(batch)) {
        const handler = this.handlerFor(group);
        if (group.length === 1 && !DRAINS.has(group[0]!.kind) && handler?.transactional) {
          run.push({ deadline: group[0]!, handler });
          continue;
        }
        fired += await this.fireInOrder(run);
        run = [];
        // SQLite runs queries synchronously on the event loop: let sockets and HTTP have a turn
        // between drains, or a long queue freezes the node.
        await new Promise((resolve) => setImmediate(resolve));
        fired += await this.fire(group);
      }
      fired += await this.fireInOrder(run);
      if (batch.length < BATCH) break;
    }
    return fired;
  }

  private handlerFor(group: DeadlineRow[]): DeadlineHandler | undefined {
    return group.length > 1 ? this.handlers.drain_queue : this.handlers[group[0]!.kind as DeadlineKind];
  }

  /** Transactional deadlines, each completed with its own effect, in one transaction and in order. */
  private async fireInOrder(run: Array<{ deadline: DeadlineRow; handler: TransactionalHandler }>): Promise<number> {
    if (run.length === 0) return 0;
    const { ctx } = this;
    const results = await inTransactionInOrder(
      ctx,
      run.map(({ deadline, handler }) => async (uow: UnitOfWork) => {
        if (!(await completeDeadline(uow.trx, deadline, ctx.nodeId))) throw new LeaseLost();
        await handler.run(uow, deadline);
        return 1;
      }),
    );
    let fired = 0;
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') fired += result.value;
      else await this.failed([run[i]!.deadline], result.reason);
    }
    return fired;
  }

  /** Fires one deadline, or one drain for a group of drain/route deadlines; returns how many completed. */
  private async fire(group: DeadlineRow[]): Promise<number> {
    const first = group[0]!;
    const handler = this.handlerFor(group);
    const { ctx } = this;
    try {
      if (!handler) throw new Error(`no handler for deadline kind ${first.kind}`);
      if (handler.transactional) {
        return await inTransaction(ctx, async (uow) => {
          const held = await completeDeadlines(uow.trx, group, ctx.nodeId);
          if (held === 0) throw new LeaseLost();
          await handler.run(uow, first);
          return held;
        });
      }
      await handler.run(first);
      await completeDeadline(ctx.storage.db, first, ctx.nodeId);
      return 1;
    } catch (error) {
      await this.failed(group, error);
      return 0;
    }
  }

  private async failed(group: DeadlineRow[], error: unknown): Promise<void> {
    if (error instanceof LeaseLost) return;
    const { ctx } = this;
    ctx.log.error({ err: error, deadline: group[0]!.key }, 'deadline failed; will retry');
    for (const deadline of group) await retryDeadlineLater(ctx.storage.db, deadline, ctx.nodeId, ctx.clock()).catch(() => undefined);
  }
}

const DRAINS = new Set(['route', 'drain_queue']);

/**
 * Every route and drain deadline of one workspace in a batch is served by a single drain (it
 * places every waiting chat of the workspace): under a burst of arrivals that is one pass over
 * the queue instead of one per chat. Other deadlines fire one by one.
 */
function groupDrains(batch: DeadlineRow[]): DeadlineRow[][] {
  const groups: DeadlineRow[][] = [];
  const drainsByWorkspace = new Map<number, DeadlineRow[]>();
  for (const deadline of batch) {
    if (!DRAINS.has(deadline.kind)) {
      groups.push([deadline]);
      continue;
    }
    let group = drainsByWorkspace.get(deadline.workspace_id);
    if (!group) {
      group = [];
      drainsByWorkspace.set(deadline.workspace_id, group);
      groups.push(group);
    }
    group.push(deadline);
  }
  return groups;
}
