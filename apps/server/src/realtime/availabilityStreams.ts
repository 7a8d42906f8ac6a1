/**
 * W7 live: `GET /api/widget/availability` streams a chatflow's WidgetAvailability as server-sent
 * events. Per chatflow with listeners on this node, the state is recomputed when anything in its
 * workspace commits (the feed poke every node already receives), when office hours open or
 * close, and every 30 s as a safety net (grace periods, nodes that died); listeners get it only
 * when it changed. Streams are counted per client address, so one client cannot hold all of a
 * node's connections.
 *
 * The same recomputation sends a `config` event ({ chatflowId, version }) on connect and whenever
 * the chatflow's version (`updated_at`) moved: an edit, unpublishing or deleting it. The loader
 * then fetches its config again and hides the widget when no chatflow shows any more, without a
 * reload of the host page. Every node sees every commit's poke, so this works across nodes.
 */
import type { ServerResponse } from 'node:http';
import { WIDGET_AVAILABILITY_EVENT, WIDGET_CONFIG_EVENT, type WidgetConfigChanged } from '@parley/protocol';
import type { AppContext } from '../domain/context.js';
import { nextChange } from '../domain/availability/officeHours.js';
import { widgetAvailability } from '../domain/availability/widgetAvailability.js';
import { parseAvailability } from '../domain/routing/routingSettings.js';
import { feedChannel } from './feedReader.js';

const DEBOUNCE_MS = 200;
const SAFETY_POLL_MS = 30_000;
const KEEPALIVE_MS = 25_000;

interface Stream {
  chatflowId: number;
  workspaceId: number;
  clients: Set<ServerResponse>;
  last: string | null;
  /** The chatflow's `updated_at` last announced; null before the first read. */
  version: number | null;
  debounce: NodeJS.Timeout | null;
  boundary: NodeJS.Timeout | null;
}

export class AvailabilityStreams {
  private readonly streams = new Map<number, Stream>();
  private readonly workspaceSubscriptions = new Map<number, Promise<() => Promise<void>>>();
  private readonly openByAddress = new Map<string, number>();
  private readonly poll: NodeJS.Timeout;
  private readonly keepalive: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext) {
    this.poll = setInterval(() => this.refreshAll(), SAFETY_POLL_MS);
    this.poll.unref();
    this.keepalive = setInterval(() => {
      for (const stream of this.streams.values()) for (const client of stream.clients) client.write(': keepalive\n\n');
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  /**
   * Counts a stream against its client address; false when the address already holds as many as
   * `PARLEY_STREAMS_PER_ADDRESS` allows. Each true must be matched by `add`, which releases it
   * when the stream closes.
   */
  reserve(address: string): boolean {
    const open = this.openByAddress.get(address) ?? 0;
    if (open >= this.ctx.config.streamsPerAddress) return false;
    this.openByAddress.set(address, open + 1);
    return true;
  }

  private release(address: string): void {
    const open = (this.openByAddress.get(address) ?? 1) - 1;
    if (open > 0) this.openByAddress.set(address, open);
    else this.openByAddress.delete(address);
  }

  async add(workspaceId: number, chatflowId: number, client: ServerResponse, address: string): Promise<void> {
    client.on('close', () => this.release(address));
    let stream = this.streams.get(chatflowId);
    if (!stream) {
      stream = { chatflowId, workspaceId, clients: new Set(), last: null, version: null, debounce: null, boundary: null };
      this.streams.set(chatflowId, stream);
      this.watchWorkspace(workspaceId);
    }
    stream.clients.add(client);
    client.on('close', () => this.remove(stream, client));
    if (stream.last === null) await this.recompute(stream);
    else {
      client.write(frame(stream.last));
      if (stream.version !== null) client.write(configFrame({ chatflowId, version: stream.version }));
    }
  }

  close(): void {
    clearInterval(this.poll);
    clearInterval(this.keepalive);
    for (const stream of this.streams.values()) {
      if (stream.debounce) clearTimeout(stream.debounce);
      if (stream.boundary) clearTimeout(stream.boundary);
      for (const client of stream.clients) client.end();
    }
    this.streams.clear();
    for (const unsubscribe of this.workspaceSubscriptions.values()) void unsubscribe.then((off) => off()).catch(() => undefined);
    this.workspaceSubscriptions.clear();
    this.openByAddress.clear();
  }

  private remove(stream: Stream, client: ServerResponse): void {
    stream.clients.delete(client);
    if (stream.clients.size > 0 || this.streams.get(stream.chatflowId) !== stream) return;
    if (stream.debounce) clearTimeout(stream.debounce);
    if (stream.boundary) clearTimeout(stream.boundary);
    this.streams.delete(stream.chatflowId);
  }

  /** Any commit in the workspace may change who is free; the poke says only "something changed". */
  private watchWorkspace(workspaceId: number): void {
    if (this.workspaceSubscriptions.has(workspaceId)) return;
    const subscription = this.ctx.pubsub.subscribe(feedChannel(workspaceId), () => {
      for (const stream of this.streams.values()) if (stream.workspaceId === workspaceId) this.schedule(stream);
    });
    subscription.catch((error: unknown) => {
      this.ctx.log.error({ err: error }, 'availability stream could not subscribe');
      this.workspaceSubscriptions.delete(workspaceId);
    });
    this.workspaceSubscriptions.set(workspaceId, subscription);
  }

  private refreshAll(): void {
    for (const stream of this.streams.values()) this.schedule(stream);
  }

  private schedule(stream: Stream): void {
    if (stream.debounce) return;
    stream.debounce = setTimeout(() => {
      stream.debounce = null;
      void this.recompute(stream);
    }, DEBOUNCE_MS);
  }

  private async recompute(stream: Stream): Promise<void> {
    try {
      const chatflow = await this.ctx.storage.db.selectFrom('chatflows').selectAll().where('id', '=', stream.chatflowId).executeTakeFirst();
      if (!chatflow) return;
      if (chatflow.updated_at !== stream.version) {
        stream.version = chatflow.updated_at;
        const changed = configFrame({ chatflowId: chatflow.id, version: chatflow.updated_at });
        for (const client of stream.clients) client.write(changed);
      }
      const now = this.ctx.clock();
      const json = JSON.stringify(await widgetAvailability(this.ctx.storage.db, chatflow, now));
      this.armBoundary(stream, parseAvailability(chatflow.availability), now);
      if (json === stream.last) return;
      stream.last = json;
      for (const client of stream.clients) client.write(frame(json));
    } catch (error) {
      this.ctx.log.error({ err: error, chatflowId: stream.chatflowId }, 'availability recompute failed');
    }
  }

  /** Wake up exactly when office hours open or close next (timers cap at ~24 days; the poll covers the rest). */
  private armBoundary(stream: Stream, settings: ReturnType<typeof parseAvailability>, now: number): void {
    if (stream.boundary) clearTimeout(stream.boundary);
    stream.boundary = null;
    if (settings.mode !== 'office_hours') return;
    const at = nextChange(settings.officeHours, now);
    if (at === null || at - now > 2 ** 31 - 1) return;
    stream.boundary = setTimeout(() => this.schedule(stream), Math.max(0, at - now) + 50);
    stream.boundary.unref();
  }
}

function frame(json: string): string {
  return `event: ${WIDGET_AVAILABILITY_EVENT}\ndata: ${json}\n\n`;
}

function configFrame(changed: WidgetConfigChanged): string {
  return `event: ${WIDGET_CONFIG_EVENT}\ndata: ${JSON.stringify(changed)}\n\n`;
}
