/**
 * Bench clients, shared by the messages and routing benches: sign-in, and agent and visitor
 * sockets through the shared RealtimeClient on `ws`, connected exactly as the inbox and the
 * widget connect, and resumed within a bound.
 */
import {
  RealtimeClient,
  type AgentCommands,
  type AgentEvents,
  type AgentResumeResult,
  type SocketFactory,
  type VisitorCommands,
  type VisitorEvents,
  type VisitorResumeResult,
} from '@parley/protocol';
import WebSocket from 'ws';
import type { StoreEnv } from '../apps/server/test/helpers/drivers.js';

export type AgentClient = RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>;
export type VisitorClient = RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>;

/** The bootstrap admin of every bench node, and the password of the users a bench creates. */
export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
export const BENCH_AGENT_PASSWORD = 'bench-agent-password';

/**
 * The environment of every bench node: its store, the bench admin, and the node's abuse limits
 * raised. A bench drives a node far harder than any person (many sockets from one address,
 * dozens of messages a second per visitor); the limits would measure themselves, so each stays
 * validated and enforced, just out of reach. Per-request info logs would measure the logger:
 * warnings and errors still show.
 */
export function benchNodeEnv(store: StoreEnv): Record<string, string> {
  return {
    PARLEY_DATA_DIR: store.dataDir,
    ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
    ...(store.redisUrl ? { REDIS_URL: store.redisUrl } : {}),
    PARLEY_ADMIN_EMAIL: BENCH_ADMIN.email,
    PARLEY_ADMIN_PASSWORD: BENCH_ADMIN.password,
    PARLEY_LOGIN_RATE_LIMIT: '100000',
    PARLEY_SOCKETS_PER_ADDRESS: '1000000',
    PARLEY_STREAMS_PER_ADDRESS: '1000000',
    PARLEY_VISITOR_MESSAGE_BURST: '1000000',
    PARLEY_VISITOR_MESSAGES_PER_MINUTE: '100000000',
    PARLEY_USER_MESSAGE_BURST: '1000000',
    PARLEY_USER_MESSAGES_PER_MINUTE: '100000000',
    PARLEY_CONTEXT_UPDATE_BURST: '1000000',
    PARLEY_CONTEXT_UPDATES_PER_MINUTE: '100000000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
}

const CONNECT_TIMEOUT_MS = 10_000;

/** Signs in; returns the session cookie (`name=value`). */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'parley-bench' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export function connectAgent(wsUrl: string, cookie: string, onEvent: (name: keyof AgentEvents, data: unknown) => void): Promise<AgentClient> {
  return connect((onResumed, onUnauthorized) =>
    new RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>({
      url: wsUrl,
      createSocket: socketFactory({ cookie }),
      onEvent,
      onResumed,
      onUnauthorized,
    }),
  );
}

export function connectVisitor(wsUrl: string, visitorToken: string): Promise<VisitorClient> {
  return connect((onResumed, onUnauthorized) =>
    new RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>({
      url: wsUrl,
      createSocket: socketFactory({ 'user-agent': 'parley-bench' }),
      credentials: () => ({ visitorToken }),
      onResumed,
      onUnauthorized,
    }),
  );
}

function socketFactory(headers: Record<string, string>): SocketFactory {
  return ((url: string) => new WebSocket(url, { headers })) as unknown as SocketFactory;
}

/** Connects and waits (bounded) for the first successful `session.resume`. */
async function connect<C extends { connect(): void; close(): void }>(
  make: (onResumed: () => void, onUnauthorized: (error: { message: string }) => void) => C,
): Promise<C> {
  let client: C | null = null;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('realtime resume timed out')), CONNECT_TIMEOUT_MS);
    client = make(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error) => {
        clearTimeout(timer);
        reject(new Error(`realtime resume refused: ${error.message}`));
      },
    );
    client.connect();
  }).catch((error: unknown) => {
    (client as C | null)?.close();
    throw error;
  });
  return client!;
}
