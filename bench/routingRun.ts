/**
 * One routing run against a started node: visitors' first messages (`message.send` on the widget
 * socket) go out open-loop on a fixed schedule, agents accept every offer the moment it arrives
 * and close the chat --hold-ms later, and a sampler reads the database every 250 ms for the
 * queue length and the load of every agent.
 *
 * Times are performance.now() in this process; the node runs in the same process, so client and
 * server share one clock (and one event loop, see bench/README.md).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentEvents } from '@parley/protocol';
import type { BenchAgent, RoutingNode } from './routingNode.js';
import { sampleDatabase, type Samples } from './routingSampler.js';

export interface RunOptions {
  conversations: number;
  seconds: number;
  holdMs: number;
  drainSeconds: number;
}

export interface Chat {
  /** When the open-loop schedule wanted the first message out. */
  dueAt: number;
  /** Just before it actually went out (later than dueAt when this process fell behind). */
  sentAt: number;
  conversationId: number | null;
  /** When the visitor got its ack: the message and the new conversation are committed. */
  storedAt: number | null;
  sendFailed: boolean;
  /** The first `offer.created` for it on the offered agent's socket. */
  offeredAt: number | null;
  acceptedAt: number | null;
  acceptFailed: boolean;
  closedAt: number | null;
  closeFailed: boolean;
}

export interface RunResult {
  chats: Chat[];
  startedAt: number;
  samples: Samples;
  healthzUnderLoadMs: number[];
  loopLagMaxMs: number;
  /** False when the drain timeout ran out before every chat was accepted and closed. */
  drained: boolean;
}

/** What the agents do with an offer; the node calls it for every `offer.created` they receive. */
export class Agents {
  readonly byVisitor = new Map<number, Chat>();
  private readonly timers = new Set<NodeJS.Timeout>();
  stopped = false;

  constructor(private readonly holdMs: number) {}

  onOffer = (agent: BenchAgent, data: AgentEvents['offer.created']): void => {
    // Agents only get their own offers; the check keeps the bench honest if that ever changes.
    if (data.offer.userId !== agent.userId || this.stopped) return;
    const now = performance.now();
    const chat = this.byVisitor.get(data.conversation.visitor.id);
    if (!chat) return;
    chat.offeredAt ??= now;
    agent.client.send('offer.accept', { offerId: data.offer.id }).then(
      () => {
        chat.acceptedAt ??= performance.now();
        if (this.stopped) return;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          agent.client.send('conversation.close', { conversationId: data.offer.conversationId }).then(
            () => (chat.closedAt = performance.now()),
            (error: unknown) => {
              // Sockets closing at teardown reject what is still in flight; that is no finding.
              if (this.stopped) return;
              chat.closeFailed = true;
              console.error(`[bench] close of ${data.offer.conversationId} failed:`, error);
            },
          );
        }, this.holdMs);
        this.timers.add(timer);
      },
      () => {
        if (!this.stopped) chat.acceptFailed = true;
      },
    );
  };

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Sequential GET /healthz round trips: the node's bare HTTP cost, the baseline of the ratio. */
export async function healthz(baseUrl: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await healthzOnce(baseUrl));
  return times;
}

async function healthzOnce(baseUrl: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${baseUrl}/healthz`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
  return performance.now() - start;
}

export async function runRouting(node: RoutingNode, agents: Agents, options: RunOptions): Promise<RunResult> {
  const chats: Chat[] = [];
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const sampler = sampleDatabase(node.server.ctx.storage.db, node.agents.map((a) => a.userId));
  const startedAt = performance.now();
  const intervalMs = (options.seconds * 1000) / options.conversations;
  let sending = true;

  // A probe beside the load: how the same node answers a trivial request while it routes.
  const healthzUnderLoadMs: number[] = [];
  const probe = (async () => {
    while (sending) {
      healthzUnderLoadMs.push(await healthzOnce(node.baseUrl));
      await sleep(100);
    }
  })();

  // Open loop: chat k is due at start + k × interval, whatever happened to earlier chats.
  for (let k = 0; k < options.conversations; k++) {
    const dueAt = startedAt + k * intervalMs;
    const wait = dueAt - performance.now();
    if (wait > 1) await sleep(wait);
    const visitor = node.visitors[k]!;
    const sentAt = performance.now();
    const chat: Chat = { dueAt, sentAt, conversationId: null, storedAt: null, sendFailed: false, offeredAt: null, acceptedAt: null, acceptFailed: false, closedAt: null, closeFailed: false };
    chats.push(chat);
    agents.byVisitor.set(visitor.visitorId, chat);
    visitor.client.send('message.send', { clientMessageId: `first-${k}`, body: `Hello, this is visitor ${k}` }).then(
      (result) => {
        chat.conversationId = result.message.conversationId;
        chat.storedAt = performance.now();
      },
      (error: unknown) => {
        chat.sendFailed = true;
        console.error(`[bench] first message ${k} failed:`, error);
      },
    );
  }
  sending = false;
  await probe;

  // Drain: every chat must be offered, accepted and closed again, within a bound.
  const drainUntil = performance.now() + options.drainSeconds * 1000;
  const settled = () => chats.every((c) => c.sendFailed || c.acceptFailed || c.closeFailed || c.closedAt !== null);
  while (!settled() && performance.now() < drainUntil) await sleep(50);
  const drained = settled();
  const samples = await sampler.stop();
  lag.disable();
  return { chats, startedAt, samples, healthzUnderLoadMs, loopLagMaxMs: lag.max / 1e6, drained };
}
