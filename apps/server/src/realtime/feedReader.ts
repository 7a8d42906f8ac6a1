/**
 * One reader per workspace per node. It learns of new feed rows from pub/sub pokes (and a slow
 * poll, in case a poke is lost), reads them from storage in id order and hands each to the local
 * connections of that workspace. Because feed ids commit in order per workspace, reading
 * `id > lastId` never skips a row: delivery is gap-free and ordered on every node.
 */
import type { Logger } from 'pino';
import { aliasTypingData } from '../domain/branding/agentAlias.js';
import { AliasBook } from '../domain/branding/aliasBook.js';
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
  /** Agent aliases (W2) of the conversations this node's visitors follow, kept by feed order. */
  private readonly aliases: AliasBook;

  constructor(
    private readonly workspaceId: number,
    private readonly storage: Storage,
    private readonly pubsub: PubSub,
    private readonly log: Logger,
  ) {
    this.aliases = new AliasBook(storage.db);
  }

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
      this.deliverSignal(parsed.signal);
    } else if (typeof parsed.feedId === 'number' && parsed.feedId > this.lastId) {
      void this.pull();
    }
  }

  /**
   * Typing from a user reaches the visitor under the brand when the chatflow says so (W2); inbox
   * sockets get it as sent. Knowing the alias rarely needs a read; only the visitor waits for it.
   */
  private deliverSignal(signal: Signal): void {
    const data = signal.data as { conversationId?: number; author?: { kind: string; name: string } };
    const conversationId = data.conversationId;
    if (data.author?.kind !== 'user' || typeof conversationId !== 'number' || !this.subscribers.hasVisitor(signal.visitorId)) {
      for (const subscriber of this.subscribers.reaching(signal.visitorId)) subscriber.signal(signal);
      return;
    }
    for (const subscriber of this.subscribers.reaching(null)) subscriber.signal(signal);
    const toVisitor = () => {
      const aliased = { ...signal, data: aliasTypingData(data, this.aliases.aliasFor(conversationId)) as Signal['data'] };
      for (const subscriber of this.subscribers.reaching(signal.visitorId)) if (subscriber.audienceVisitorId !== null) subscriber.signal(aliased);
    };
    if (this.aliases.knows(conversationId)) toVisitor();
    else this.aliases.load(conversationId).then(toVisitor, (error: unknown) => this.log.error({ err: error }, 'agent alias read failed'));
  }

  /**
   * Gets a row ready for its visitor's sockets on this node: the agent alias of its conversation.
   * Returns a promise only in the rare case that needs a read (a conversation first met here).
   */
  private prepareForVisitor(event: PresentableEvent): Promise<void> | null {
    const conversationId = event.row.conversation_id;
    if (conversationId === null) return null;
    // Conversation rows say their chatflow; the visitor frame parses the data anyway.
    const chatflowId = event.row.type.startsWith('conversation.') ? event.data.conversation?.chatflowId : undefined;
    if (chatflowId !== undefined) this.aliases.learnConversation(conversationId, chatflowId);
    if (this.aliases.knows(conversationId)) {
      event.visitorAlias = this.aliases.aliasFor(conversationId);
      return null;
    }
    return this.aliases.load(conversationId).then(() => {
      event.visitorAlias = this.aliases.aliasFor(conversationId);
    });
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
            const event = new PresentableEvent(row);
            if (row.type === 'chatflow.updated') {
              const chatflow = event.data.chatflow;
              if (chatflow) this.aliases.learnChatflow(chatflow);
            } else if (event.forVisitors && this.subscribers.hasVisitor(row.visitor_id!)) {
              const pending = this.prepareForVisitor(event);
              if (pending) await pending;
            }
            this.lastId = row.id;
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
