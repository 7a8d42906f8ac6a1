/**
 * Coalesced read receipts. A client reports reading as messages appear, so a busy chat could
 * report many times a second. Like context updates (contextWrites.ts): the first mark after a
 * quiet spell is written at once; marks within the next WINDOW_MS keep only the highest seq and
 * are written once when the window ends. At most one write per conversation per side per second,
 * however fast either side reads.
 */
import type { AppContext } from '../context.js';
import { writeReadMark, type ReadSide } from '../conversations/readReceipts.js';

export const READ_WINDOW_MS = 1000;

interface Window {
  /** Highest seq reported since the window opened; 0 when there is nothing left to write. */
  pending: number;
  timer: NodeJS.Timeout;
  /** The last write of this key, which the next one waits for (so writes land in order). */
  chain: Promise<void>;
}

type Key = `${number}:${ReadSide}`;

export class ReadWrites {
  private readonly windows = new Map<Key, Window>();

  constructor(private readonly ctx: AppContext) {}

  async mark(conversationId: number, side: ReadSide, seq: number): Promise<void> {
    const key: Key = `${conversationId}:${side}`;
    const open = this.windows.get(key);
    if (open) {
      open.pending = Math.max(open.pending, seq);
      return;
    }
    const write = writeReadMark(this.ctx, conversationId, side, seq);
    this.open(key, write.catch(() => {}));
    // The first write is awaited, so a failure reaches the caller's ack.
    await write;
  }

  /** Writes whatever is pending now (shutdown). */
  async flush(): Promise<void> {
    const windows = [...this.windows.entries()];
    this.windows.clear();
    await Promise.all(
      windows.map(([key, window]) => {
        clearTimeout(window.timer);
        return window.pending > 0 ? this.chained(window.chain, key, window.pending) : window.chain;
      }),
    );
  }

  private open(key: Key, chain: Promise<void>): void {
    const timer = setTimeout(() => this.windowEnds(key), READ_WINDOW_MS);
    timer.unref();
    this.windows.set(key, { pending: 0, timer, chain });
  }

  private windowEnds(key: Key): void {
    const window = this.windows.get(key);
    this.windows.delete(key);
    if (!window || window.pending === 0) return;
    this.open(key, this.chained(window.chain, key, window.pending));
  }

  private chained(after: Promise<void>, key: Key, seq: number): Promise<void> {
    const [id, side] = key.split(':') as [string, ReadSide];
    return after
      .then(() => writeReadMark(this.ctx, Number(id), side, seq))
      .catch((error: unknown) => this.ctx.log.error({ err: error, key }, 'coalesced read receipt failed'));
  }
}

const byNode = new WeakMap<AppContext, ReadWrites>();

/** This node's read receipt writer. */
export function readWrites(ctx: AppContext): ReadWrites {
  let found = byNode.get(ctx);
  if (!found) byNode.set(ctx, (found = new ReadWrites(ctx)));
  return found;
}
