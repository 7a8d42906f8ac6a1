/**
 * Messages flowing while nodes die: an open-loop sender (message k is due at k / rate, from
 * talker k mod T, whether or not the node is up) through each visitor's RealtimeClient. During an
 * outage sends wait in the client's outbox and go out after the resume, as in a real widget.
 */
import type { VisitorClient } from './benchClients.js';
import type { Tracked } from './reconnectClients.js';

export interface SentMessage {
  visitorId: number;
  clientMessageId: string;
  sentAt: number;
  ackedAt: number | null;
  failed: string | null;
}

export class Sender {
  readonly messages: SentMessage[] = [];
  private timer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private due = 0;

  constructor(
    private readonly talkers: Tracked[],
    private readonly rate: number,
  ) {}

  /** Sends one message from every talker and waits for all acks: opens their conversations. */
  async warmUp(): Promise<void> {
    await Promise.all(this.talkers.map((t) => this.send(t, `w-${t.id}`)));
    const failed = this.messages.filter((m) => m.failed);
    if (failed.length > 0) throw new Error(`warm-up: ${failed.length} messages refused, e.g. ${failed[0]!.failed}`);
  }

  /** Starts a paced phase; returns the index of its first message in `messages`. */
  start(): number {
    this.startedAt = performance.now();
    const first = this.due;
    // A 10 ms tick sends everything that fell due; a late tick catches up instead of skipping.
    this.timer = setInterval(() => {
      const dueNow = first + Math.floor(((performance.now() - this.startedAt) / 1000) * this.rate);
      for (; this.due < dueNow; this.due++) void this.send(this.talkers[this.due % this.talkers.length]!, `r-${this.due}`);
    }, 10);
    return this.messages.length;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get outstanding(): number {
    return this.messages.filter((m) => m.ackedAt === null && m.failed === null).length;
  }

  /** Waits (bounded) until every message is acknowledged or refused. */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.outstanding > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return this.outstanding === 0;
  }

  private async send(talker: Tracked, clientMessageId: string): Promise<void> {
    const message: SentMessage = { visitorId: talker.id, clientMessageId, sentAt: performance.now(), ackedAt: null, failed: null };
    this.messages.push(message);
    try {
      await (talker.client as VisitorClient).send('message.send', { clientMessageId, body: `reconnect bench ${clientMessageId}` });
      message.ackedAt = performance.now();
    } catch (error) {
      message.failed = (error as Error).message;
    }
  }
}
