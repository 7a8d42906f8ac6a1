/**
 * The Parley node of the routing bench: buildServer on a fresh store (temporary SQLite directory,
 * or a new PostgreSQL database plus Redis, the way the messages bench and the test suite do it),
 * listening on 127.0.0.1 port 0, with M agents (role `agent`, so each socket only receives its own
 * offers) signed in, connected to /realtime and set online, and N visitors with their widget
 * socket open, ready to write (the widget sends messages over its socket, so the bench does too).
 *
 * Visitors are made with the domain function `startVisitorSession` in-process, the same code the
 * `POST /api/widget/session` route runs: it skips the route's per-address limit (60 a minute)
 * without faking client addresses, and keeps 1,000 session requests out of the measured node.
 */
import type { AgentEvents } from '@parley/protocol';
import { buildServer, type ParleyServer } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config/config.js';
import { bootstrapWorkspace } from '../apps/server/src/domain/sites/bootstrapWorkspace.js';
import { startVisitorSession } from '../apps/server/src/domain/visitors/visitorSessions.js';
import { freshStore } from '../apps/server/test/helpers/drivers.js';
import { BENCH_ADMIN, BENCH_AGENT_PASSWORD, benchNodeEnv, connectAgent, connectVisitor, login, type AgentClient, type VisitorClient } from './benchClients.js';

export type Driver = 'sqlite' | 'postgres';
export type OfferHandler = (agent: BenchAgent, data: AgentEvents['offer.created']) => void;

export interface BenchAgent {
  index: number;
  userId: number;
  client: AgentClient;
}

export interface RoutingNode {
  server: ParleyServer;
  baseUrl: string;
  agents: BenchAgent[];
  visitors: Array<{ visitorId: number; client: VisitorClient }>;
  close(): Promise<void>;
}


export async function startRoutingNode(options: { driver: Driver; agents: number; capacity: number; visitors: number; onOffer: OfferHandler }): Promise<RoutingNode> {
  // Everything opened so far, closed in reverse if a later step fails (and at the end).
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const fn of closers.reverse()) await fn().catch((error: unknown) => console.error('close failed:', error));
    closers.length = 0;
  };
  try {
    const store = await freshStore(options.driver);
    closers.push(() => store.drop());
    const server = await buildServer(
      loadConfig({
        ...benchNodeEnv(store),
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

    const agents: BenchAgent[] = [];
    closers.push(async () => agents.forEach((a) => a.client.close()));
    const adminCookie = await login(baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
    for (let index = 0; index < options.agents; index++) {
      const email = `bench-agent-${index + 1}@example.com`;
      const created = await call(baseUrl, 'POST', '/api/admin/users', { email, name: `Agent ${index + 1}`, role: 'agent', password: BENCH_AGENT_PASSWORD }, adminCookie);
      const userId = (created as { user: { id: number } }).user.id;
      if (options.capacity !== 10) await call(baseUrl, 'PATCH', `/api/admin/users/${userId}`, { maxChats: options.capacity }, adminCookie);
      const cookie = await login(baseUrl, email, BENCH_AGENT_PASSWORD);
      const agent: BenchAgent = { index, userId, client: null as unknown as AgentClient };
      agent.client = await connectAgent(wsUrl, cookie, (name, data) => {
        if (name === 'offer.created') options.onOffer(agent, data as AgentEvents['offer.created']);
      });
      agents.push(agent);
      await agent.client.send('availability.set', { availability: 'online' });
    }
    // Presence rows are written after the socket opens; routing only counts connected users.
    await server.gateway.presence.settled();

    const visitors: RoutingNode['visitors'] = [];
    closers.push(async () => visitors.forEach((v) => v.client.close()));
    // Sockets open before the measured window, as a widget's does when its page loads.
    for (let i = 0; i < options.visitors; i += 20) {
      const batch = Array.from({ length: Math.min(20, options.visitors - i) }, async () => {
        const { visitor, visitorToken } = await startVisitorSession(server.ctx, { siteKey, userAgent: 'parley-bench' });
        visitors.push({ visitorId: visitor.id, client: await connectVisitor(wsUrl, visitorToken) });
      });
      await Promise.all(batch);
    }
    return { server, baseUrl, agents, visitors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function call(baseUrl: string, method: string, path: string, body: unknown, cookie: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return res.json();
}
