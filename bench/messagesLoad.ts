/**
 * The load drivers of the messages bench, shared by Parley and the bare echo baseline so both
 * are driven exactly the same way:
 *
 * - `runPaced`: open loop. Message k is due at start + k/rate and goes out from client k mod N,
 *   whether or not earlier messages were answered. Latency counts from the *due* time, so a
 *   server (or an event loop) that falls behind cannot hide its backlog by delaying the sender
 *   (no coordinated omission).
 * - `runUnthrottled`: closed loop. Every client keeps `inflight` messages outstanding and sends
 *   the next one as soon as one is acknowledged; this finds the maximum throughput.
 *
 * After each phase the driver waits (bounded) until every message is acknowledged and, for
 * Parley, delivered to an agent, so nothing still in flight is silently dropped from the counts.
 */
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentiles, type Percentiles } from './messagesStats.js';

/** What a driver talks to: N sending clients whose outcomes are reported to a Tracker. */
export interface LoadTarget {
  readonly clientCount: number;
  /** True when messages must also reach a receiver (Parley agents), not only be acknowledged. */
  readonly expectsDelivery: boolean;
  /** Routes every outcome from now on to this phase's tracker. */
  begin(tracker: Tracker): void;
  /** Sends message `id` from client `client` (fire and forget: the outcome goes to the tracker). */
  send(client: number, id: string): void;
}

interface InFlight {
  client: number;
  /** When the message was due (paced) or sent (unthrottled), from performance.now(). */
  startedAt: number;
  ackedAt: number | null;
  delivered: boolean;
}

/** Per-phase bookkeeping: what is in flight, what came back, and how long it took. */
export class Tracker {
  readonly ackMs: number[] = [];
  readonly deliveryMs: number[] = [];
  sent = 0;
  acked = 0;
  failed = 0;
  duplicates = 0;
  delivered = 0;
  lastAckAt = 0;
  /** Closed-loop phases refill a client's window from here. */
  onAck: ((client: number) => void) | null = null;
  /** Event-loop delay over the phase, sampled every 5 ms. */
  readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });
  private readonly open = new Map<string, InFlight>();

  constructor(readonly expectsDelivery: boolean) {
    this.loopDelay.enable();
  }

  start(id: string, client: number, startedAt: number): void {
    this.open.set(id, { client, startedAt, ackedAt: null, delivered: false });
    this.sent++;
  }

  ack(id: string, ok: boolean, duplicate = false): void {
    const now = performance.now();
    const entry = this.open.get(id);
    if (!entry || entry.ackedAt !== null) return;
    entry.ackedAt = now;
    if (ok) {
      this.acked++;
      this.lastAckAt = now;
      this.ackMs.push(now - entry.startedAt);
      if (duplicate) this.duplicates++;
    } else {
      this.failed++;
    }
    if (!ok || !this.expectsDelivery || entry.delivered) this.open.delete(id);
    this.onAck?.(entry.client);
  }

  /** Only the first receiver counts: the latency a visitor sees is until *an* agent has it. */
  deliver(id: string): void {
    const entry = this.open.get(id);
    if (!entry || entry.delivered) return;
    entry.delivered = true;
    this.delivered++;
    this.deliveryMs.push(performance.now() - entry.startedAt);
    if (entry.ackedAt !== null) this.open.delete(id);
  }

  get outstanding(): number {
    return this.open.size;
  }
}

export interface PhaseResult {
  label: string;
  sent: number;
  acked: number;
  failed: number;
  duplicates: number;
  /** null when the target has no receivers (echo). */
  delivered: number | null;
  /** Messages still unacknowledged or undelivered when the drain timeout ran out. */
  stuck: number;
  /** From the phase start to the last acknowledgement. */
  elapsedMs: number;
  /** Acknowledged (for Parley: committed) messages per second over elapsedMs. */
  throughput: number;
  ack: Percentiles | null;
  delivery: Percentiles | null;
  /**
   * Longest event-loop delay in the phase: how late a due timer ran. Server and clients share
   * this one loop, so a delay here lands in every latency at once. A single blocking call (a
   * synchronous SQLite commit, GC) shows as a spike; a saturated loop, running queued work back
   * to back without reaching I/O, shows as hundreds of milliseconds.
   */
  loopLagMaxMs: number;
}

export interface PacedOptions {
  rate: number;
  seconds: number;
  drainMs: number;
}

export async function runPaced(target: LoadTarget, label: string, prefix: string, options: PacedOptions): Promise<PhaseResult> {
  const tracker = new Tracker(target.expectsDelivery);
  target.begin(tracker);
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const intervalMs = 1000 / options.rate;
  const start = performance.now();
  let k = 0;
  await new Promise<void>((resolve) => {
    // A 1 ms timer only decides *how many* messages are due; each keeps its exact due time.
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      for (; k < due; k++) {
        const id = `${prefix}${k}`;
        tracker.start(id, k % target.clientCount, start + k * intervalMs);
        target.send(k % target.clientCount, id);
      }
      if (k >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
    tick();
  });
  return finish(label, tracker, start, options.drainMs);
}

export interface UnthrottledOptions {
  seconds: number;
  inflight: number;
  drainMs: number;
}

export async function runUnthrottled(target: LoadTarget, label: string, prefix: string, options: UnthrottledOptions): Promise<PhaseResult> {
  const tracker = new Tracker(target.expectsDelivery);
  target.begin(tracker);
  const start = performance.now();
  const stopAt = start + options.seconds * 1000;
  let k = 0;
  const sendFrom = (client: number) => {
    const id = `${prefix}${k++}`;
    tracker.start(id, client, performance.now());
    target.send(client, id);
  };
  tracker.onAck = (client) => {
    if (performance.now() < stopAt) sendFrom(client);
  };
  for (let client = 0; client < target.clientCount; client++) {
    for (let i = 0; i < options.inflight; i++) sendFrom(client);
  }
  await sleep(options.seconds * 1000);
  return finish(label, tracker, start, options.drainMs);
}

/** One message per client, not reported: opens conversations and warms code paths first. */
export async function runWarmup(target: LoadTarget, prefix: string, drainMs: number): Promise<PhaseResult> {
  const tracker = new Tracker(target.expectsDelivery);
  target.begin(tracker);
  const start = performance.now();
  for (let client = 0; client < target.clientCount; client++) {
    const id = `${prefix}${client}`;
    tracker.start(id, client, performance.now());
    target.send(client, id);
  }
  return finish('warm-up', tracker, start, drainMs);
}

async function finish(label: string, tracker: Tracker, start: number, drainMs: number): Promise<PhaseResult> {
  const deadline = performance.now() + drainMs;
  while (tracker.outstanding > 0 && performance.now() < deadline) await sleep(5);
  tracker.onAck = null;
  tracker.loopDelay.disable();
  const elapsedMs = tracker.acked > 0 ? tracker.lastAckAt - start : performance.now() - start;
  return {
    label,
    sent: tracker.sent,
    acked: tracker.acked,
    failed: tracker.failed,
    duplicates: tracker.duplicates,
    delivered: tracker.expectsDelivery ? tracker.delivered : null,
    stuck: tracker.outstanding,
    elapsedMs,
    throughput: elapsedMs > 0 ? (tracker.acked * 1000) / elapsedMs : 0,
    ack: percentiles(tracker.ackMs),
    delivery: tracker.expectsDelivery ? percentiles(tracker.deliveryMs) : null,
    loopLagMaxMs: tracker.loopDelay.max / 1e6,
  };
}
