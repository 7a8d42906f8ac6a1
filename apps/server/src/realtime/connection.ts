/**
 * One client socket. Commands run strictly one after another (so a client's messages are stored
 * in the order it sent them) and each gets exactly one ack. Feed events reach the socket through
 * the workspace's FeedReader; until the resume replay is done they are buffered, then flushed
 * past the cursor, so nothing is lost, doubled or reordered at the seam between replay and live.
 *
 * An inbox socket follows its session (agentSession.ts): while the session is re-checked,
 * delivery holds and commands wait, so nothing is shown or done with a role the user lost.
 * A socket that stops reading is dropped once its unsent bytes pass PARLEY_SOCKET_BUFFER_BYTES;
 * the client resumes from its cursor, so the drop loses nothing.
 */
import { CLOSE_CODES, type ResumeData } from '@parley/protocol';
import { ResumeSchema } from '@parley/protocol/schemas';
import { Compile } from 'typebox/compile';
import type { WebSocket } from 'ws';
import { loadConversationAliases } from '../domain/branding/agentAlias.js';
import { DomainError } from '../domain/errors.js';
import { sessionByHash } from '../domain/auth/sessions.js';
import { visitorForToken } from '../domain/visitors/visitorSessions.js';
import { agentCommands } from './agentCommands.js';
import { AgentSession, userUpdatedSubject } from './agentSession.js';
import type { CommandHandler, CommandTable } from './commandTable.js';
import type { FeedSubscriber } from './feedReader.js';
import { ackError, ackOk, decodeFrame, errorBody, toErrorBody, type DecodedFrame } from './frames.js';
import type { Gateway } from './gateway.js';
import { PresentableEvent } from './presentEvent.js';
import { sendCorked } from './corkedSend.js';
import { canSee, type Principal } from './principal.js';
import { currentCursor, missedRows, visitorSnapshot } from './resume.js';
import type { Signal } from './signals.js';
import { validator } from './validators.js';
import { visitorCommands } from './visitorCommands.js';

const checkResume = Compile(ResumeSchema);
/** A replay waits this long for a client that reads nothing before dropping it. */
const REPLAY_STALL_MS = 10_000;

export class Connection implements FeedSubscriber {
  principal: Principal | null = null;
  /** Highest feed id already sent (or covered by the snapshot) on this socket. */
  private cursor = 0;
  private live = false;
  private buffered: PresentableEvent[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** Set by the gateway when the socket closes; a resume still in flight must not attach then. */
  closed = false;
  /** Inbox sockets: the session they follow. */
  session: AgentSession | null = null;
  /** Events held while the session is re-checked; delivered (or dropped) by the verdict. */
  private held: PresentableEvent[] | null = null;
  /** The session ended or the socket overflowed: nothing more is delivered or done. */
  private ended = false;
  /** A session.resume is being handled (the resume deadline must not close the socket then). */
  resuming = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly gateway: Gateway,
    /** Hash of a same-origin session cookie's token, if any; checked in storage on resume. */
    private readonly sessionTokenHash: string | null,
    private readonly userAgent: string | undefined,
  ) {}

  receive(raw: string): void {
    const decoded = decodeFrame(raw);
    if (!decoded.ok) {
      this.send(decoded.ref === null ? JSON.stringify({ t: 'error', error: decoded.error }) : ackError(decoded.ref, decoded.error));
      return;
    }
    this.queue = this.queue.then(() => this.handle(decoded.frame));
  }

  /** Which feed rows the reader offers this socket (see subscribers.ts); fixed once resumed. */
  get audienceVisitorId(): number | null {
    return this.principal?.kind === 'visitor' ? this.principal.visitor.id : null;
  }

  deliver(event: PresentableEvent): void {
    if (!this.principal || this.ended || event.row.id <= this.cursor) return;
    if (this.held) {
      this.held.push(event);
      return;
    }
    const session = this.session;
    if (session && this.principal.kind === 'agent') {
      if (session.expired()) return this.endSession(CLOSE_CODES.unauthorized, 'session expired');
      // A change to this user (role, deactivation): nothing after it goes out until re-checked.
      if (event.row.id > session.checkedThrough && userUpdatedSubject(event) === this.principal.user.id) {
        session.checkedThrough = event.row.id;
        this.held = [event];
        void this.recheckSession();
        return;
      }
    }
    if (!canSee(this.principal, event.row)) return;
    if (!this.live) {
      this.buffered.push(event);
      return;
    }
    this.cursor = event.row.id;
    const frame = event.frameFor(this.principal);
    if (frame) this.send(frame);
  }

  signal(signal: Signal): void {
    const principal = this.principal;
    if (!principal || !this.live || this.held || this.ended) return;
    const author = (signal.data as { author?: { kind: string; id: number } }).author;
    const visible =
      principal.kind === 'visitor'
        ? signal.visitorId === principal.visitor.id && author?.kind !== 'visitor'
        : canSee(principal, { workspace_id: principal.workspaceId, visitor_id: null, agent_user_id: signal.assigneeId }) &&
          !(author?.kind === 'user' && author.id === principal.user.id);
    if (visible) this.send(JSON.stringify({ t: 'signal', name: signal.name, data: signal.data }));
  }

  private async handle(frame: DecodedFrame): Promise<void> {
    try {
      if (frame.cmd === 'session.resume') {
        await this.resume(frame);
        return;
      }
      if (!this.principal) throw new DomainError('not_resumed');
      if (!(await this.sessionValid())) {
        // The ack goes out before the close, so the client learns why.
        this.send(ackError(frame.ref, errorBody('unauthorized', 'the session ended')));
        this.endSession(CLOSE_CODES.unauthorized, 'session ended');
        return;
      }
      const principal = this.principal;
      const table = (principal.kind === 'visitor' ? visitorCommands : agentCommands) as CommandTable<Principal>;
      const handler: CommandHandler<Principal> | undefined = Object.hasOwn(table, frame.cmd) ? table[frame.cmd] : undefined;
      if (!handler) throw new DomainError('unknown_command', frame.cmd.slice(0, 64));
      validator(handler.schema)(frame.data);
      const result = await handler.run({ ctx: this.gateway.ctx, principal, userAgent: this.userAgent }, frame.data as never);
      this.send(ackOk(frame.ref, result));
    } catch (error) {
      if (!(error instanceof DomainError)) this.gateway.ctx.log.error({ err: error, cmd: frame.cmd }, 'realtime command failed');
      this.send(ackError(frame.ref, toErrorBody(error)));
    }
  }

  private async resume(frame: DecodedFrame): Promise<void> {
    if (this.principal) throw new DomainError('bad_request', 'already resumed');
    if (!checkResume.Check(frame.data)) throw new DomainError('validation_failed', 'session.resume data');
    const data = frame.data as ResumeData;
    this.resuming = true;
    const principal = await this.authenticate(data).finally(() => (this.resuming = false));
    if (!principal) {
      const code = data.visitorToken ? 'invalid_visitor_token' : 'unauthorized';
      this.send(ackError(frame.ref, errorBody(code)));
      this.socket.close(CLOSE_CODES.unauthorized, code);
      return;
    }
    // The socket may have closed while we looked up the credentials: then there is nothing to attach.
    if (this.closed) return;
    this.principal = principal;
    await this.gateway.attach(this);
    if (this.closed) {
      this.gateway.detach(this);
      return;
    }
    const storage = this.gateway.ctx.storage;
    if (data.lastEventId !== undefined) {
      let rows;
      try {
        rows = await missedRows(storage, principal, data.lastEventId);
      } catch (error) {
        // Detach while the principal is still known (detach needs its workspace and kind), so a
        // client told `resync_required` can resume again on this socket without leaving a
        // subscription or an inbox presence count behind.
        this.gateway.detach(this);
        this.principal = null;
        throw error;
      }
      this.cursor = data.lastEventId;
      // A visitor's replay shows agents as the chatflows present them now (W2 alias): one read.
      const aliases = principal.kind === 'visitor' ? await loadConversationAliases(storage.db, [...new Set(rows.flatMap((row) => (row.conversation_id === null ? [] : [row.conversation_id])))]) : null;
      for (const row of rows) {
        this.cursor = row.id;
        const event = new PresentableEvent(row);
        if (aliases && row.conversation_id !== null) event.visitorAlias = aliases.get(row.conversation_id) ?? null;
        const out = event.frameFor(principal);
        // A replay can be larger than the send cap: it waits for the client to read instead.
        if (out && !(await this.sendWhenRoom(out.length, out))) return;
      }
      // Live events follow at once: let the client read half of the replay first.
      if (!(await this.sendWhenRoom(this.gateway.ctx.config.socketBufferBytes / 2))) return;
      this.goLive(frame.ref, { cursor: this.cursor });
      return;
    }
    this.cursor = await currentCursor(storage, principal.workspaceId);
    const snapshot = principal.kind === 'visitor' ? await visitorSnapshot(storage, principal.visitor.id) : undefined;
    this.goLive(frame.ref, { cursor: this.cursor, snapshot });
  }

  private goLive(ref: number, result: { cursor: number; snapshot?: unknown }): void {
    const principal = this.principal!;
    const identity = principal.kind === 'visitor' ? { principal: 'visitor', visitorId: principal.visitor.id } : { principal: 'agent', userId: principal.user.id };
    this.send(ackOk(ref, { ...identity, ...result }));
    this.live = true;
    const buffered = this.buffered;
    this.buffered = [];
    // A session re-check began during the replay: the buffered events precede what it holds.
    if (this.held) this.held = [...buffered, ...this.held];
    else for (const event of buffered) this.deliver(event);
  }

  private async authenticate(data: ResumeData): Promise<Principal | null> {
    if (data.visitorToken) {
      const visitor = await visitorForToken(this.gateway.ctx, data.visitorToken);
      return visitor ? { kind: 'visitor', visitor, workspaceId: visitor.workspace_id } : null;
    }
    const session = this.sessionTokenHash ? await sessionByHash(this.gateway.ctx, this.sessionTokenHash) : null;
    if (!session) return null;
    this.session = new AgentSession(this.gateway.ctx, session.tokenHash, session.expiresAt, {
      refreshed: (user) => {
        if (this.principal?.kind === 'agent') this.principal.user = user;
      },
      ended: (code, reason) => this.endSession(code, reason),
    });
    return { kind: 'agent', user: session.user, workspaceId: session.user.workspace_id };
  }

  /**
   * Re-checks this inbox socket's session in storage, holding delivery meanwhile. Afterwards the
   * held events go out as the (possibly re-scoped) user may now see them, or the socket is closed.
   */
  recheckSession(): Promise<boolean> {
    if (!this.session || this.ended) return Promise.resolve(false);
    this.held ??= [];
    return this.session.recheck().then((valid) => {
      const held = this.held ?? [];
      this.held = null;
      if (valid && !this.ended) for (const event of held) this.deliver(event);
      return valid;
    });
  }

  /** Before each inbox command: waits for a re-check in progress; false once the session is over. */
  private async sessionValid(): Promise<boolean> {
    const session = this.session;
    if (this.principal?.kind !== 'agent' || !session) return true;
    if (this.held) await this.recheckSession();
    return !this.ended && !session.expired();
  }

  /** Closes the socket for good: 4401 when the session is over (the client must sign in again). */
  endSession(code: number, reason: string): void {
    if (this.ended) return;
    this.stopDelivering();
    this.socket.close(code, reason);
  }

  /** Nothing more is delivered or done on this socket; it is about to close. */
  private stopDelivering(): void {
    this.ended = true;
    this.held = null;
    this.buffered = [];
    this.session?.stop();
  }

  send(frame: string | Buffer): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    // A client that does not read would otherwise grow this node's memory without bound.
    if (this.socket.bufferedAmount + frame.length > this.gateway.ctx.config.socketBufferBytes) return this.overflow();
    sendCorked(this.socket, frame);
  }

  /**
   * Waits until the socket's unsent bytes leave `room` under the cap (polling: ws has no drain
   * event of its own), then sends `frame` if given. False when the socket closed meanwhile, or
   * was dropped because the client read nothing for REPLAY_STALL_MS.
   */
  private async sendWhenRoom(room: number, frame?: string | Buffer): Promise<boolean> {
    const cap = this.gateway.ctx.config.socketBufferBytes;
    let waited = 0;
    while (this.socket.readyState === this.socket.OPEN && this.socket.bufferedAmount + room > cap) {
      const before = this.socket.bufferedAmount;
      await new Promise((resolve) => setTimeout(resolve, 20));
      waited = this.socket.bufferedAmount < before ? 0 : waited + 20;
      if (waited >= REPLAY_STALL_MS) {
        this.overflow();
        return false;
      }
    }
    if (this.socket.readyState !== this.socket.OPEN || this.ended) return false;
    if (frame !== undefined) this.send(frame);
    return true;
  }

  /**
   * Drops a socket whose client stopped reading. No close frame: it would sit behind the unread
   * bytes. The client sees the connection drop, reconnects and resumes from its cursor.
   */
  private overflow(): void {
    this.gateway.ctx.log.warn({ buffered: this.socket.bufferedAmount }, 'socket dropped: client is not reading');
    this.stopDelivering();
    this.socket.terminate();
  }

  close(code: number, reason: string): void {
    this.session?.stop();
    this.socket.close(code, reason);
  }
}
