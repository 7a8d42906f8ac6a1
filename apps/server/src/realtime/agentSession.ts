/**
 * The session behind an open inbox socket. The socket keeps the session token's hash, not a
 * verdict: whenever the session may have changed (a sign-out signal, a `user.updated` row about
 * this user, the periodic safety net) it re-reads session and user from storage, and then either
 * refreshes the user (a role change re-scopes what the socket sees and may do) or ends the
 * socket with 4401 (signed out, expired, deactivated). Expiry needs no storage: the end time is
 * known, checked on every event and command and by a timer.
 */
import { CLOSE_CODES } from '@parley/protocol';
import type { AppContext } from '../domain/context.js';
import { sessionByHash, type SessionInfo } from '../domain/auth/sessions.js';
import type { UserRow } from '../storage/schema.js';
import type { PresentableEvent } from './presentEvent.js';

/** setTimeout takes at most a signed 32-bit delay; longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SessionHooks {
  /** The session is still valid; `user` is the row as stored now. */
  refreshed(user: UserRow): void;
  /** The session is over (or could not be checked): close the socket with this code. */
  ended(code: number, reason: string): void;
}

export class AgentSession {
  private running: Promise<boolean> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Highest feed id of a row about this user that already started a re-check. */
  checkedThrough = 0;

  constructor(
    private readonly ctx: AppContext,
    readonly tokenHash: string,
    private expiresAt: number,
    private readonly hooks: SessionHooks,
  ) {
    this.arm();
  }

  expired(): boolean {
    return this.expiresAt <= this.ctx.clock();
  }

  /**
   * Re-reads the session; true while it is valid. Calls during a read run one more read after
   * it, so a change committed before any call is always seen by the time its promise resolves.
   */
  recheck(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  /** Applies a verdict read elsewhere (the gateway's batched periodic check). */
  apply(info: SessionInfo | null): boolean {
    if (this.stopped) return false;
    if (!info || info.expiresAt <= this.ctx.clock()) {
      this.end(CLOSE_CODES.unauthorized, 'session ended');
      return false;
    }
    this.expiresAt = info.expiresAt;
    this.hooks.refreshed(info.user);
    return true;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async loop(): Promise<boolean> {
    do {
      this.again = false;
      let info: SessionInfo | null;
      try {
        info = await sessionByHash(this.ctx, this.tokenHash);
      } catch (error) {
        // Unknown is not valid: drop the socket (not 4401, the user may still be signed in);
        // the client reconnects and its resume checks the session again.
        this.ctx.log.error({ err: error }, 'session re-check failed');
        this.end(1011, 'session check failed');
        return false;
      }
      if (!this.apply(info)) return false;
    } while (this.again);
    return true;
  }

  private end(code: number, reason: string): void {
    if (this.stopped) return;
    this.stop();
    this.hooks.ended(code, reason);
  }

  private arm(): void {
    const wait = Math.max(0, Math.min(this.expiresAt - this.ctx.clock(), MAX_TIMER_MS));
    this.timer = setTimeout(() => {
      if (this.expired()) this.end(CLOSE_CODES.unauthorized, 'session expired');
      else this.arm();
    }, wait);
    this.timer.unref();
  }
}

const subjects = new WeakMap<PresentableEvent, number | null>();

/** The user a `user.updated` row is about (parsed once per row, however many sockets ask). */
export function userUpdatedSubject(event: PresentableEvent): number | null {
  if (event.row.type !== 'user.updated') return null;
  let subject = subjects.get(event);
  if (subject === undefined) {
    try {
      subject = (JSON.parse(event.row.data) as { user?: { id?: unknown } }).user?.id as number | null;
      if (typeof subject !== 'number') subject = null;
    } catch {
      subject = null;
    }
    subjects.set(event, subject);
  }
  return subject;
}
