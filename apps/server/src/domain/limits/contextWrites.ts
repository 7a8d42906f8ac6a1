/**
 * Coalesced visitor context updates. A widget reports the page on every navigation; a script can
 * report it thousands of times a second. The first update after a quiet spell is written at once;
 * updates arriving within the next WINDOW_MS are merged (later fields win, and `properties`
 * replaces the set as a single update does) and written once when the window ends. Each write
 * announces a change only when the stored context actually changed (updateVisitorContext
 * compares), so a burst costs at most one write and one broadcast per window per visitor.
 *
 * Writes of one visitor are chained, so a slow write can never land after a newer one.
 */
import type { ContextUpdateData } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { updateVisitorContext } from '../visitors/visitorSessions.js';
import { limitContextUpdate } from './writeLimits.js';

export const CONTEXT_WINDOW_MS = 1000;

interface Window {
  /** Updates merged since the window opened; null when there is nothing left to write. */
  pending: ContextUpdateData | null;
  userAgent: string | undefined;
  timer: NodeJS.Timeout;
  /** The visitor's last write, which the next one waits for. */
  chain: Promise<void>;
}

export class ContextWrites {
  private readonly windows = new Map<number, Window>();

  constructor(private readonly ctx: AppContext) {}

  /** Rate-limited (throws `rate_limited`), then written now or merged into the open window. */
  async update(visitorId: number, update: ContextUpdateData, userAgent: string | undefined): Promise<void> {
    limitContextUpdate(this.ctx, visitorId);
    const open = this.windows.get(visitorId);
    if (open) {
      open.pending = { ...open.pending, ...update };
      open.userAgent = userAgent ?? open.userAgent;
      return;
    }
    const write = updateVisitorContext(this.ctx, visitorId, update, userAgent);
    this.open(visitorId, userAgent, write.catch(() => {}));
    // The first write is awaited, so a failure reaches the caller's ack.
    await write;
  }

  /** Writes whatever is pending now (shutdown); resolves when every write has finished. */
  async flush(): Promise<void> {
    const windows = [...this.windows.entries()];
    this.windows.clear();
    await Promise.all(
      windows.map(([visitorId, window]) => {
        clearTimeout(window.timer);
        return window.pending ? this.chained(window.chain, visitorId, window.pending, window.userAgent) : window.chain;
      }),
    );
  }

  private open(visitorId: number, userAgent: string | undefined, chain: Promise<void>): void {
    const timer = setTimeout(() => this.windowEnds(visitorId), CONTEXT_WINDOW_MS);
    timer.unref();
    this.windows.set(visitorId, { pending: null, userAgent, timer, chain });
  }

  private windowEnds(visitorId: number): void {
    const window = this.windows.get(visitorId);
    this.windows.delete(visitorId);
    if (!window?.pending) return;
    // This write opens the next window, so updates arriving meanwhile wait for its end too.
    this.open(visitorId, window.userAgent, this.chained(window.chain, visitorId, window.pending, window.userAgent));
  }

  private chained(after: Promise<void>, visitorId: number, update: ContextUpdateData, userAgent: string | undefined): Promise<void> {
    return after
      .then(() => updateVisitorContext(this.ctx, visitorId, update, userAgent))
      .catch((error: unknown) => this.ctx.log.error({ err: error, visitorId }, 'coalesced context update failed'));
  }
}

const byNode = new WeakMap<AppContext, ContextWrites>();

/** This node's context writer. */
export function contextWrites(ctx: AppContext): ContextWrites {
  let found = byNode.get(ctx);
  if (!found) byNode.set(ctx, (found = new ContextWrites(ctx)));
  return found;
}
