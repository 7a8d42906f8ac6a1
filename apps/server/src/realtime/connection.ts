/**
 * One client socket. Commands run strictly one after another (so a client's messages are stored
 * in the order it sent them) and each gets exactly one ack. Feed events reach the socket through
 * the workspace's FeedReader; until the resume replay is done they are buffered, then flushed
 * past the cursor, so nothing is lost, doubled or reordered at the seam between replay and live.
 */
import { CLOSE_CODES, type ResumeData } from '@parley/protocol';
import { ResumeSchema } from '@parley/protocol/schemas';
import { Compile } from 'typebox/compile';
import type { WebSocket } from 'ws';
import { DomainError } from '../domain/errors.js';
import { visitorForToken } from '../domain/visitors/visitorSessions.js';
import type { UserRow } from '../storage/schema.js';
import { agentCommands } from './agentCommands.js';
import type { CommandHandler, CommandTable } from './commandTable.js';
import type { FeedSubscriber } from './feedReader.js';
import { ackError, ackOk, decodeFrame, errorBody, toErrorBody, type DecodedFrame } from './frames.js';
import type { Gateway } from './gateway.js';
import { PresentableEvent } from './presentEvent.js';
import { canSee, type Principal } from './principal.js';
import { currentCursor, missedRows, visitorSnapshot } from './resume.js';
import type { Signal } from './signals.js';
import { validator } from './validators.js';
import { visitorCommands } from './visitorCommands.js';

const checkResume = Compile(ResumeSchema);

export class Connection implements FeedSubscriber {
  principal: Principal | null = null;
  /** Highest feed id already sent (or covered by the snapshot) on this socket. */
  private cursor = 0;
  private live = false;
  private buffered: PresentableEvent[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** Set by the gateway when the socket closes; a resume still in flight must not attach then. */
  closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly gateway: Gateway,
    /** The user behind a same-origin session cookie, if any. */
    private readonly cookieUser: UserRow | null,
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

  deliver(event: PresentableEvent): void {
    if (!this.principal || event.row.id <= this.cursor || !canSee(this.principal, event.row)) return;
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
    if (!principal || !this.live) return;
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
      const principal = this.principal;
      if (!principal) throw new DomainError('not_resumed');
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
    const principal = await this.authenticate(data);
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
        this.principal = null;
        this.gateway.detach(this);
        throw error;
      }
      this.cursor = data.lastEventId;
      for (const row of rows) {
        this.cursor = row.id;
        const out = new PresentableEvent(row).frameFor(principal);
        if (out) this.send(out);
      }
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
    for (const event of buffered) this.deliver(event);
  }

  private async authenticate(data: ResumeData): Promise<Principal | null> {
    if (data.visitorToken) {
      const visitor = await visitorForToken(this.gateway.ctx, data.visitorToken);
      return visitor ? { kind: 'visitor', visitor, workspaceId: visitor.workspace_id } : null;
    }
    return this.cookieUser ? { kind: 'agent', user: this.cookieUser, workspaceId: this.cookieUser.workspace_id } : null;
  }

  send(frame: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}
