/**
 * One reader per workspace per node. It learns of new feed rows from pub/sub pokes (and a slow
 * poll, in case a poke is lost), reads them from storage in id order and hands each to the local
 * connections of that workspace. Because feed ids commit in order per workspace, reading
 * `id > lastId` never skips a row: delivery is gap-free and ordered on every node.
 */
import type { Logger } from 'pino';
import type { PubSub } from '../pubsub/pubsub.js';
import type { Storage } from '../storage/database.js';
import { PresentableEvent } from './presentEvent.js';
import type { Signal } from './signals.js';
import { Subscribers, type Audience } from './subscribers.js';

export interface FeedSubscriber extends Audience {
  deliver(event: PresentableEvent): void;
  signal(signal: Signal): void;
}

const POLL_MS = 2000;
const BATCH = 500;

export function feedChannel(workspaceId: number): string {
  return `feed:${workspaceId}`;
}

export class FeedReader {
  readonly subscribers = new Subscribers<FeedSubscriber>();
  private lastId = 0;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly workspaceId: number,
    private readonly storage: Storage,
    private readonly pubsub: PubSub,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    // Subscribe before reading the high-water mark, so no row committed in between is missed.
    this.unsubscribe = await this.pubsub.subscribe(feedChannel(this.workspaceId), (message) => this.onMessage(message));
    const row = await this.storage.db
      .selectFrom('feed')
      .select((eb) => eb.fn.max('id').as('max'))
      .where('workspace_id', '=', this.workspaceId)
      .executeTakeFirst();
    this.lastId = Number(row?.max ?? 0);
    this.timer = setInterval(() => this.pull(), POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.unsubscribe?.();
    await this.pulling;
  }

  /** Latest row id this reader has handed out (or the high-water mark at start). */
  get position(): number {
    return this.lastId;
  }

  private onMessage(message: string): void {
    let parsed: { feedId?: number; signal?: Signal };
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.signal) {
      for (const subscriber of this.subscribers.reaching(parsed.signal.visitorId)) subscriber.signal(parsed.signal);
    } else if (typeof parsed.feedId === 'number' && parsed.feedId > this.lastId) {
      void this.pull();
    }
  }

  /** Pulls until caught up; concurrent calls coalesce into one more round. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          const rows = await this.storage.db
            .selectFrom('feed')
            .selectAll()
            .where('workspace_id', '=', this.workspaceId)
            .where('id', '>', this.lastId)
            .orderBy('id')
            .limit(BATCH)
            .execute();
          for (const row of rows) {
            this.lastId = row.id;
            const event = new PresentableEvent(row);
            for (const subscriber of this.subscribers.reaching(row.visitor_id)) subscriber.deliver(event);
          }
          if (rows.length === BATCH) this.pullAgain = true;
        } while (this.pullAgain);
      } catch (error) {
        this.log.error({ err: error, workspaceId: this.workspaceId }, 'feed pull failed');
      } finally {
        this.pulling = null;
      }
    })();
    return this.pulling;
  }
}
