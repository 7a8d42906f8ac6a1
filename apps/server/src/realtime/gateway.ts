/**
 * The realtime gateway: accepts sockets at /realtime, authenticates them on `session.resume`,
 * and keeps one FeedReader per workspace that has live sockets on this node.
 *
 * Limits on what one client can hold: open sockets per client address (PARLEY_SOCKETS_PER_ADDRESS,
 * refused with 4429), a deadline for `session.resume` (PARLEY_RESUME_TIMEOUT_SECONDS, 4408), and
 * unsent bytes per socket (connection.ts). Inbox sockets follow their session: sign-out signals
 * from any node and a periodic re-check make them re-read it (agentSession.ts).
 */
import { CLOSE_CODES, LIMITS } from '@parley/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../domain/context.js';
import { hashToken } from '../domain/auth/secrets.js';
import { contextWrites } from '../domain/limits/contextWrites.js';
import { readWrites } from '../domain/limits/readWrites.js';
import { isSameOrigin, SESSION_COOKIE } from '../http/sameOrigin.js';
import { AddressSlots } from './addressSlots.js';
import { Connection } from './connection.js';
import { FeedReader } from './feedReader.js';
import { PresenceTracker } from './presenceTracker.js';
import { recheckSessions } from './sessionRechecks.js';
import { subscribeSessionEnded, type SessionEnded } from './sessionSignals.js';

const HEARTBEAT_MS = 30_000;

interface ReaderEntry {
  ready: Promise<FeedReader>;
  users: number;
}

export class Gateway {
  private readonly readers = new Map<number, ReaderEntry>();
  readonly connections = new Set<Connection>();
  readonly presence: PresenceTracker;
  /** Detach can be reached twice (socket closed during resume); it must count once. */
  private readonly attached = new WeakSet<Connection>();
  readonly addresses: AddressSlots;
  private recheckTimer: NodeJS.Timeout | null = null;
  private unsubscribeSessions: (() => Promise<void>) | null = null;

  constructor(readonly ctx: AppContext) {
    this.presence = new PresenceTracker(ctx);
    this.addresses = new AddressSlots(ctx.config.socketsPerAddress);
  }

  /** Listens for sign-outs on every node and starts the periodic session re-check. */
  async start(): Promise<void> {
    this.unsubscribeSessions = await subscribeSessionEnded(this.ctx.pubsub, (ended) => this.sessionEnded(ended));
    this.recheckTimer = setInterval(() => {
      recheckSessions(this.ctx, this.connections).catch((error: unknown) => this.ctx.log.error({ err: error }, 'periodic session re-check failed'));
    }, this.ctx.config.sessionRecheckSeconds * 1000);
    this.recheckTimer.unref();
  }

  /** A session of this user ended somewhere: each of their sockets here re-reads its own. */
  private sessionEnded(ended: SessionEnded): void {
    for (const connection of this.connections) {
      const principal = connection.principal;
      if (principal?.kind === 'agent' && principal.user.id === ended.userId && principal.workspaceId === ended.workspaceId) {
        void connection.recheckSession();
      }
    }
  }

  /** Subscribes a resumed connection to its workspace's reader (starting the reader if needed). */
  async attach(connection: Connection): Promise<void> {
    const workspaceId = connection.principal!.workspaceId;
    let entry = this.readers.get(workspaceId);
    if (!entry) {
      const reader = new FeedReader(workspaceId, this.ctx.storage, this.ctx.pubsub, this.ctx.log);
      const created: ReaderEntry = {
        ready: reader.start().then(
          () => reader,
          (error: unknown) => {
            // Do not keep a broken reader: the next connection tries again.
            if (this.readers.get(workspaceId) === created) this.readers.delete(workspaceId);
            throw error;
          },
        ),
        users: 0,
      };
      entry = created;
      this.readers.set(workspaceId, entry);
    }
    entry.users++;
    this.attached.add(connection);
    if (connection.principal!.kind === 'agent') this.presence.opened(workspaceId, connection.principal!.user.id);
    (await entry.ready).subscribers.add(connection);
  }

  detach(connection: Connection): void {
    const workspaceId = connection.principal?.workspaceId;
    if (workspaceId === undefined || !this.attached.has(connection)) return;
    this.attached.delete(connection);
    if (connection.principal?.kind === 'agent') this.presence.closed(workspaceId, connection.principal.user.id);
    const entry = this.readers.get(workspaceId);
    if (!entry) return;
    entry.users--;
    void entry.ready.then(async (reader) => {
      reader.subscribers.delete(connection);
      if (entry.users === 0 && this.readers.get(workspaceId) === entry) {
        this.readers.delete(workspaceId);
        await reader.stop();
      }
    });
  }

  countByPrincipal(): { visitor: number; agent: number } {
    const counts = { visitor: 0, agent: 0 };
    for (const connection of this.connections) if (connection.principal) counts[connection.principal.kind]++;
    return counts;
  }

  /** Graceful shutdown: tell every client to reconnect (to this node later, or another one). */
  async close(): Promise<void> {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    await this.unsubscribeSessions?.().catch(() => {});
    for (const connection of this.connections) connection.close(CLOSE_CODES.goingAway, 'server shutting down');
    await contextWrites(this.ctx).flush();
    await readWrites(this.ctx).flush();
    await this.presence.stop();
    const readers = [...this.readers.values()];
    this.readers.clear();
    await Promise.all(readers.map(async (entry) => (await entry.ready).stop()));
  }
}

/**
 * The session cookie counts only on same-origin sockets: browsers send cookies on cross-site
 * WebSocket upgrades, so without this check any page could act as a signed-in agent. Only the
 * token's hash is kept; storage is asked on `session.resume` (and again whenever it may change),
 * so a socket that never resumes costs no query.
 */
function cookieTokenHash(ctx: AppContext, request: FastifyRequest): string | null {
  if (!isSameOrigin(request, ctx.config.publicUrl)) return null;
  const token = request.cookies[SESSION_COOKIE];
  return token ? hashToken(token) : null;
}

export async function registerRealtime(app: FastifyInstance, gateway: Gateway): Promise<void> {
  const alive = new WeakMap<object, boolean>();
  await gateway.start();
  app.get('/realtime', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const address = request.ip;
    if (!gateway.addresses.reserve(address)) {
      socket.close(CLOSE_CODES.tooManySockets, 'too many sockets from this address');
      return;
    }
    const connection = new Connection(socket, gateway, cookieTokenHash(gateway.ctx, request), request.headers['user-agent']);
    gateway.connections.add(connection);
    // A socket that never authenticates must not hold a slot (and a file descriptor) for long.
    // A resume still being checked at the deadline gets a little longer: it either succeeds or
    // is refused (4401), and a failed one is still closed here.
    const checkResumed = () => {
      if (connection.principal || connection.closed) return;
      if (connection.resuming) resumeDeadline = setTimeout(checkResumed, 1000);
      else connection.close(CLOSE_CODES.resumeTimeout, 'no session.resume in time');
    };
    let resumeDeadline = setTimeout(checkResumed, gateway.ctx.config.resumeTimeoutSeconds * 1000);
    socket.on('message', (raw: Buffer, isBinary: boolean) => {
      if (isBinary) {
        connection.send(JSON.stringify({ t: 'error', error: { code: 'invalid_frame', message: 'Binary frames are not accepted.' } }));
        return;
      }
      connection.receive(raw.toString('utf8'));
    });
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    const heartbeat = setInterval(() => {
      // A socket that did not answer the last ping is gone (e.g. a laptop lid closed).
      if (!alive.get(socket)) return socket.terminate();
      alive.set(socket, false);
      socket.ping();
    }, HEARTBEAT_MS);
    socket.on('close', () => {
      connection.closed = true;
      clearInterval(heartbeat);
      clearTimeout(resumeDeadline);
      gateway.addresses.release(address);
      gateway.connections.delete(connection);
      gateway.detach(connection);
    });
  });
}

export const websocketOptions = { maxPayload: LIMITS.frameMaxBytes };
