/**
 * Counts this node's live inbox sockets per user and tells storage when a user's first socket
 * opens or last socket closes here (I2). Changes for one user are applied in order, so a quick
 * close-and-reopen (a reload) cannot land as "closed" after "opened".
 */
import type { AppContext } from '../domain/context.js';
import { heartbeat, nodeStopping, recordSockets } from '../domain/presence/presence.js';

const HEARTBEAT_MS = 15_000;

export class PresenceTracker {
  private readonly counts = new Map<number, { workspaceId: number; sockets: number }>();
  private readonly chains = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: AppContext) {}

  start(): void {
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  beat(): Promise<void> {
    return heartbeat(this.ctx, this.counts).catch((error: unknown) => this.ctx.log.error({ err: error }, 'presence heartbeat failed'));
  }

  opened(workspaceId: number, userId: number): void {
    const entry = this.counts.get(userId) ?? { workspaceId, sockets: 0 };
    entry.sockets++;
    this.counts.set(userId, entry);
    if (entry.sockets === 1) this.apply(userId, () => recordSockets(this.ctx, workspaceId, userId, 1));
  }

  closed(workspaceId: number, userId: number): void {
    const entry = this.counts.get(userId);
    if (!entry) return;
    entry.sockets--;
    if (entry.sockets > 0) return;
    this.counts.delete(userId);
    this.apply(userId, () => recordSockets(this.ctx, workspaceId, userId, this.counts.get(userId)?.sockets ?? 0));
  }

  /** Resolves when every pending change has reached storage (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.settled();
    const remaining = new Map([...this.counts].map(([userId, { workspaceId }]) => [userId, { workspaceId }]));
    this.counts.clear();
    await nodeStopping(this.ctx, remaining).catch((error: unknown) => this.ctx.log.error({ err: error }, 'presence cleanup failed'));
  }

  private apply(userId: number, change: () => Promise<void>): void {
    const previous = this.chains.get(userId) ?? Promise.resolve();
    const next = previous
      .then(change)
      .catch((error: unknown) => this.ctx.log.error({ err: error, userId }, 'presence update failed'))
      .finally(() => {
        if (this.chains.get(userId) === next) this.chains.delete(userId);
      });
    this.chains.set(userId, next);
  }
}
