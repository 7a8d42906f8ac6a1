/**
 * Fires due deadlines on this node (R6). Each tick leases a batch of due rows and runs their
 * handlers one by one. A transactional handler runs inside the same unit of work that deletes
 * its deadline, so its effect and the deadline's completion commit together or not at all; a
 * lease lost to another node (or a deadline moved meanwhile) rolls the effect back.
 */
import type { AppContext } from '../domain/context.js';
import {
  completeDeadline,
  leaseDueDeadlines,
  retryDeadlineLater,
  type DeadlineKind,
} from '../domain/deadlines/deadlineStore.js';
import { inTransaction, type UnitOfWork } from '../events/unitOfWork.js';
import type { DeadlineRow } from '../storage/schema.js';

export type DeadlineHandler =
  | { transactional: true; run(uow: UnitOfWork, deadline: DeadlineRow): Promise<void> }
  /** For side effects outside the database (email): at least once, completed after success. */
  | { transactional: false; run(deadline: DeadlineRow): Promise<void> };

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
      for (const deadline of batch) if (await this.fire(deadline)) fired++;
      if (batch.length < BATCH) break;
    }
    return fired;
  }

  private async fire(deadline: DeadlineRow): Promise<boolean> {
    const handler = this.handlers[deadline.kind as DeadlineKind];
    const { ctx } = this;
    try {
      if (!handler) throw new Error(`no handler for deadline kind ${deadline.kind}`);
      if (handler.transactional) {
        await inTransaction(ctx, async (uow) => {
          if (!(await completeDeadline(uow.trx, deadline, ctx.nodeId))) throw new LeaseLost();
          await handler.run(uow, deadline);
        });
      } else {
        await handler.run(deadline);
        await completeDeadline(ctx.storage.db, deadline, ctx.nodeId);
      }
      return true;
    } catch (error) {
      if (error instanceof LeaseLost) return false;
      ctx.log.error({ err: error, deadline: deadline.key }, 'deadline failed; will retry');
      await retryDeadlineLater(ctx.storage.db, deadline, ctx.nodeId, ctx.clock()).catch(() => undefined);
      return false;
    }
  }
}
