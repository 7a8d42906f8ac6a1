/**
 * The realtime gateway: accepts sockets at /realtime, authenticates them on `session.resume`,
 * and keeps one FeedReader per workspace that has live sockets on this node.
 */
import { CLOSE_CODES, LIMITS } from '@parley/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../domain/context.js';
import { userForSession } from '../domain/auth/sessions.js';
import { isSameOrigin, SESSION_COOKIE } from '../http/sameOrigin.js';
import type { UserRow } from '../storage/schema.js';
import { Connection } from './connection.js';
import { FeedReader } from './feedReader.js';
import { PresenceTracker } from './presenceTracker.js';

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

  constructor(readonly ctx: AppContext) {
    this.presence = new PresenceTracker(ctx);
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
    for (const connection of this.connections) connection.close(CLOSE_CODES.goingAway, 'server shutting down');
    await this.presence.stop();
    const readers = [...this.readers.values()];
    this.readers.clear();
    await Promise.all(readers.map(async (entry) => (await entry.ready).stop()));
  }
}

/**
 * The session cookie counts only on same-origin sockets: browsers send cookies on cross-site
 * WebSocket upgrades, so without this check any page could act as a signed-in agent.
 */
async function cookieUser(ctx: AppContext, request: FastifyRequest): Promise<UserRow | null> {
  if (!isSameOrigin(request, ctx.config.publicUrl)) return null;
  return userForSession(ctx, request.cookies[SESSION_COOKIE]);
}

export async function registerRealtime(app: FastifyInstance, gateway: Gateway): Promise<void> {
  const alive = new WeakMap<object, boolean>();
  app.get('/realtime', { websocket: true, schema: { hide: true } }, async (socket, request) => {
    // Frames that arrive while the cookie is being checked are kept, in order.
    const early: string[] = [];
    const collect = (raw: Buffer) => early.push(raw.toString('utf8'));
    socket.on('message', collect);
    const user = await cookieUser(gateway.ctx, request);
    const connection = new Connection(socket, gateway, user, request.headers['user-agent']);
    gateway.connections.add(connection);
    socket.off('message', collect);
    for (const raw of early) connection.receive(raw);
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
      gateway.connections.delete(connection);
      gateway.detach(connection);
    });
  });
}

export const websocketOptions = { maxPayload: LIMITS.frameMaxBytes };
