/**
 * A real Parley node for the messages bench: buildServer on a fresh store (a temporary SQLite
 * directory, or a new PostgreSQL database plus Redis), listening on 127.0.0.1 port 0, with
 * M admin agents and N visitors connected over the realtime socket exactly as the inbox and the
 * widget connect (through the shared RealtimeClient on `ws`).
 *
 * Agents are admins so that each of them sees every conversation: a message counts as delivered
 * when the first agent socket receives its `message.created` event.
 */
import type { AgentEvents } from '@parley/protocol';
import { buildServer, type ParleyServer } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config/config.js';
import { bootstrapWorkspace } from '../apps/server/src/domain/sites/bootstrapWorkspace.js';
import { freshStore, type StoreEnv } from '../apps/server/test/helpers/drivers.js';
import { BENCH_ADMIN, BENCH_AGENT_PASSWORD, benchNodeEnv, connectAgent, connectVisitor, login, type AgentClient, type VisitorClient } from './benchClients.js';
import type { LoadTarget, Tracker } from './messagesLoad.js';

export type Drivers = 'sqlite' | 'postgres';

export interface ParleyBench extends LoadTarget {
  server: ParleyServer;
  /** Visitor-authored rows in `messages` (the chatflow's welcome lines are bot messages). */
  countVisitorMessages(): Promise<number>;
  close(): Promise<void>;
}

const BODY_PREFIX = 'bench:';


export async function startParley(options: { drivers: Drivers; visitors: number; agents: number }): Promise<ParleyBench> {
  // Everything opened so far, closed in reverse if a later step fails (and at the end).
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => console.error('close failed:', error));
    closers.length = 0;
  };
  try {
    const store: StoreEnv = await freshStore(options.drivers);
    closers.push(() => store.drop());
    const server = await buildServer(
      loadConfig({
        ...benchNodeEnv(store),
        // The bench node plays a deployment behind a proxy so each visitor can have its own address.
        PARLEY_TRUST_PROXY: 'true',
        HOST: '127.0.0.1',
        PORT: '0',
      }),
    );
    closers.push(() => server.close());
    const { siteKey } = await bootstrapWorkspace(server.ctx);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.app.server.address() as { port: number };
    const baseUrl = `http://127.0.0.1:${port}`;
    const wsUrl = `ws://127.0.0.1:${port}/realtime`;

    let tracker: Tracker | null = null;
    const agentCookies = await createAgents(baseUrl, options.agents);
    const agents: AgentClient[] = [];
    closers.push(async () => agents.forEach((agent) => agent.close()));
    for (const cookie of agentCookies) {
      agents.push(
        await connectAgent(wsUrl, cookie, (name, data) => {
          if (name !== 'message.created') return;
          const body = (data as AgentEvents['message.created']).message.body;
          if (body.startsWith(BODY_PREFIX)) tracker?.deliver(body.slice(BODY_PREFIX.length));
        }),
      );
    }
    const tokens = await inBatches(range(options.visitors), 10, (i) => createVisitorSession(baseUrl, siteKey, i));
    const visitors: VisitorClient[] = [];
    closers.push(async () => visitors.forEach((visitor) => visitor.close()));
    for (const token of tokens) visitors.push(await connectVisitor(wsUrl, token));

    return {
      server,
      clientCount: visitors.length,
      expectsDelivery: true,
      begin(next) {
        tracker = next;
      },
      send(client, id) {
        const phase = tracker!;
        visitors[client]!.send('message.send', { clientMessageId: id, body: `${BODY_PREFIX}${id}` }).then(
          (result) => phase.ack(id, true, result.duplicate),
          () => phase.ack(id, false),
        );
      },
      async countVisitorMessages() {
        const row = await server.ctx.storage.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('author_kind', '=', 'visitor')
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Signs in as the bootstrap admin, creates `count` admin users and signs each of them in. */
async function createAgents(baseUrl: string, count: number): Promise<string[]> {
  const adminCookie = await login(baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const cookies: string[] = [];
  for (let i = 1; i <= count; i++) {
    const email = `bench-agent-${i}@example.com`;
    await postJson(baseUrl, '/api/admin/users', { email, name: `Bench agent ${i}`, role: 'admin', password: BENCH_AGENT_PASSWORD }, { cookie: adminCookie });
    cookies.push(await login(baseUrl, email, BENCH_AGENT_PASSWORD));
  }
  return cookies;
}

/**
 * Each visitor comes from its own address (198.18.0.0/15, the range set aside for benchmarks), as
 * real visitors do; otherwise the per-address limit on new sessions (60 a minute) would stop the
 * setup. The bench node is configured as behind a proxy (PARLEY_TRUST_PROXY), so it believes X-Forwarded-For.
 */
async function createVisitorSession(baseUrl: string, siteKey: string, index: number): Promise<string> {
  const address = `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  const res = await postJson(baseUrl, '/api/widget/session', { siteKey }, { 'x-forwarded-for': address });
  return ((await res.json()) as { visitorToken: string }).visitorToken;
}

async function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'parley-bench', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} failed: ${res.status} ${await res.text()}`);
  return res;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Runs `fn` over items with at most `size` at a time, keeping the order of results. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return results;
}
