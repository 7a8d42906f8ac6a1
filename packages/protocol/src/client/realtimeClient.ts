/**
 * The one realtime client, used by the widget, the inbox, the tests and the benches.
 *
 * It owns the delivery guarantees on the client side:
 * - every command waits in an outbox until acknowledged; after a reconnect it is sent again
 *   (message.send carries a client message id, so the server stores a re-send once);
 * - it remembers the last event id it applied and resumes from it, so the server replays exactly
 *   what was missed; events at or below that id are dropped (no duplicates, no reordering);
 * - when the server answers `resync_required` it forgets the cursor and asks for a fresh snapshot.
 *
 * It uses only the standard WebSocket API; Node callers pass the `ws` constructor.
 */
import type { ErrorBody } from '../errors.js';
import { CLOSE_CODES, type AckFrame, type ResumeData, type ServerFrame } from '../realtime.js';

type CommandMap<C> = { [K in keyof C]: [unknown, unknown] };

export type ConnectionState = 'connecting' | 'open' | 'closed';

interface MinimalSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export type SocketFactory = (url: string) => MinimalSocket;

export interface RealtimeClientOptions<Events, Resume> {
  url: string;
  /** Defaults to the global WebSocket. */
  createSocket?: SocketFactory;
  /** Credentials for `session.resume` (the cursor is added by the client). */
  credentials?: () => Omit<ResumeData, 'lastEventId'>;
  onEvent?: <K extends keyof Events>(name: K, data: Events[K], id: number) => void;
  onSignal?: (name: string, data: unknown) => void;
  /** Called after each successful resume with the server's answer (snapshot when fresh). */
  onResumed?: (result: Resume) => void;
  onStateChange?: (state: ConnectionState) => void;
  /**
   * Called when the server refuses the credentials, or closes the socket because the session
   * ended (sign-out elsewhere, expiry, deactivation); the client stops reconnecting.
   */
  onUnauthorized?: (error: ErrorBody) => void;
}

export class CommandError extends Error {
  constructor(readonly error: ErrorBody) {
    super(error.message);
    this.name = 'CommandError';
  }
}

interface Pending {
  ref: number;
  cmd: string;
  data: unknown;
  resolve: (value: unknown) => void;
  reject: (error: CommandError) => void;
}

const OPEN = 1;

export class RealtimeClient<Commands extends CommandMap<Commands>, Events, Resume = unknown> {
  private socket: MinimalSocket | null = null;
  private nextRef = 1;
  private resumed = false;
  private stopped = false;
  private attempts = 0;
  /** The last refusal was the per-address socket cap: back off further than after a network drop. */
  private crowded = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /** Commands not yet acknowledged, in the order they were issued. */
  private readonly outbox = new Map<number, Pending>();
  private resumeRef = 0;
  /** Last applied event id; undefined until the first resume. */
  cursor: number | undefined;
  state: ConnectionState = 'closed';

  constructor(private readonly options: RealtimeClientOptions<Events, Resume>) {}

  connect(): void {
    this.stopped = false;
    this.open();
  }

  /** Stops for good: no reconnects; pending commands are rejected. */
  close(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close(1000);
    for (const pending of this.outbox.values()) {
      pending.reject(new CommandError({ code: 'internal_error', message: 'Client closed.' }));
    }
    this.outbox.clear();
    this.setState('closed');
  }

  /** Drops the current socket as a network failure would; the client reconnects and resumes. */
  dropConnection(): void {
    this.socket?.close(4000, 'client drop');
  }

  send<K extends keyof Commands & string>(cmd: K, data: Commands[K][0]): Promise<Commands[K][1]> {
    return new Promise((resolve, reject) => {
      const pending: Pending = { ref: this.nextRef++, cmd, data, resolve: resolve as (v: unknown) => void, reject };
      this.outbox.set(pending.ref, pending);
      if (this.resumed) this.write(pending);
    });
  }

  /** Number of commands sent but not yet acknowledged. */
  get pendingCount(): number {
    return this.outbox.size;
  }

  private open(): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as MinimalSocket);
    const socket = create(this.options.url);
    this.socket = socket;
    this.resumed = false;
    this.setState('connecting');
    socket.onopen = () => {
      this.resumeRef = this.nextRef++;
      const resume: ResumeData = { ...(this.options.credentials?.() ?? {}) };
      if (this.cursor !== undefined) resume.lastEventId = this.cursor;
      socket.send(JSON.stringify({ ref: this.resumeRef, cmd: 'session.resume', data: resume }));
    };
    socket.onmessage = (ev) => this.onFrame(String(ev.data));
    socket.onerror = () => {};
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.resumed = false;
      this.setState('closed');
      if (this.stopped) return;
      if (ev.code === CLOSE_CODES.unauthorized) {
        // The session ended while the socket was open: same outcome as a refused resume.
        this.stopped = true;
        const error = { code: 'unauthorized' as const, message: 'The session ended.' };
        for (const pending of this.outbox.values()) pending.reject(new CommandError(error));
        this.outbox.clear();
        this.options.onUnauthorized?.(error);
        return;
      }
      // Too many sockets from this address: wait seconds, not milliseconds, so a crowd behind one
      // address does not hammer the node. A resume timeout is an ordinary reconnect.
      if (ev.code === CLOSE_CODES.tooManySockets) {
        this.crowded = true;
        this.attempts = Math.max(this.attempts, 5);
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const base = Math.min(this.crowded ? 30_000 : 5000, 200 * 2 ** this.attempts);
    this.attempts++;
    const delay = base / 2 + Math.random() * (base / 2);
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private onFrame(raw: string): void {
    let frame: ServerFrame<Events>;
    try {
      frame = JSON.parse(raw) as ServerFrame<Events>;
    } catch {
      return;
    }
    if (frame.t === 'event') {
      // At or below the cursor means already applied (a replay overlapping live delivery).
      if (this.cursor !== undefined && frame.id <= this.cursor) return;
      this.cursor = frame.id;
      this.options.onEvent?.(frame.name, frame.data as Events[keyof Events], frame.id);
    } else if (frame.t === 'signal') {
      this.options.onSignal?.(frame.name, frame.data);
    } else if (frame.t === 'ack') {
      if (frame.ref === this.resumeRef) this.onResumeAck(frame);
      else this.onAck(frame);
    }
  }

  private onResumeAck(frame: AckFrame): void {
    if (!frame.ok) {
      if (frame.error.code === 'resync_required') {
        this.cursor = undefined;
        this.socket?.close(4000, 'resync');
        return;
      }
      this.stopped = true;
      this.options.onUnauthorized?.(frame.error);
      this.socket?.close(1000);
      return;
    }
    const result = frame.data as { cursor: number };
    // Replayed events arrived before this ack and already moved the cursor; never go back.
    this.cursor = Math.max(this.cursor ?? 0, result.cursor);
    this.resumed = true;
    this.attempts = 0;
    this.crowded = false;
    // Re-send everything not yet acknowledged, in issue order, under fresh refs. This comes
    // before onResumed, so commands that handler issues are written once, after these.
    const pendings = [...this.outbox.values()];
    this.outbox.clear();
    for (const pending of pendings) {
      pending.ref = this.nextRef++;
      this.outbox.set(pending.ref, pending);
      this.write(pending);
    }
    this.setState('open');
    this.options.onResumed?.(frame.data as Resume);
  }

  private onAck(frame: AckFrame): void {
    const pending = this.outbox.get(frame.ref);
    if (!pending) return;
    this.outbox.delete(frame.ref);
    if (frame.ok) pending.resolve(frame.data);
    else pending.reject(new CommandError(frame.error));
  }

  private write(pending: Pending): void {
    if (!this.socket || this.socket.readyState !== OPEN) return;
    this.socket.send(JSON.stringify({ ref: pending.ref, cmd: pending.cmd, data: pending.data }));
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onStateChange?.(state);
  }
}
