/**
 * Setup of the reconnect bench, before any measured node runs: a fresh store with the workspace,
 * M admin users signed in, and N visitors.
 *
 * It runs a Parley node in this process (buildServer on 127.0.0.1 port 0) only for the setup and
 * closes it before the measured nodes start as child processes on the same store. The admins are
 * made through `POST /api/admin/users` and sign in over HTTP; their sessions live in the store, so
 * the cookies work on every later node. The visitors are made with the domain function
 * `startVisitorSession`, the code behind `POST /api/widget/session`: 5,000 visitors would
 * otherwise need 5,000 requests through that route's limit of 60 a minute per address.
 */
import { buildServer } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config/config.js';
import { bootstrapWorkspace } from '../apps/server/src/domain/sites/bootstrapWorkspace.js';
import { startVisitorSession } from '../apps/server/src/domain/visitors/visitorSessions.js';
import { freshStore, type StoreEnv } from '../apps/server/test/helpers/drivers.js';
import { BENCH_ADMIN, BENCH_AGENT_PASSWORD, benchNodeEnv, login } from './benchClients.js';

export type Driver = 'sqlite' | 'postgres';

export interface Prepared {
  store: StoreEnv;
  /** Environment of every node of this store (PORT and HOST are added per process). */
  nodeEnv: Record<string, string>;
  agents: Array<{ userId: number; cookie: string }>;
  visitors: Array<{ visitorId: number; token: string }>;
}

/**
 * What the measured nodes run with. The limits an attacker would hit are raised, because here
 * 5,000 honest clients share one address (127.0.0.1) and all reconnect in the same second: the
 * bench measures recovery, not how the caps refuse a crowd. Unknown variables are ignored by
 * older builds, so this also runs on a node without those caps.
 */
export function reconnectNodeEnv(store: StoreEnv): Record<string, string> {
  return {
    ...benchNodeEnv(store),
    // 5,000 resumes at once can queue for seconds on a busy node; a timeout would only add a retry.
    PARLEY_RESUME_TIMEOUT_SECONDS: '120',
  };
}

export async function prepareStore(driver: Driver, options: { agents: number; visitors: number }): Promise<Prepared> {
  const store = await freshStore(driver);
  const nodeEnv = reconnectNodeEnv(store);
  try {
    const server = await buildServer(loadConfig({ ...nodeEnv, PORT: '0', HOST: '127.0.0.1' }));
    try {
      const { siteKey } = await bootstrapWorkspace(server.ctx);
      await server.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = server.app.server.address() as { port: number };
      const baseUrl = `http://127.0.0.1:${port}`;

      // Admins, so every agent socket sees every event: the missed-event check covers the whole feed.
      const adminCookie = await login(baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
      const agents: Prepared['agents'] = [];
      for (let i = 1; i <= options.agents; i++) {
        const email = `bench-agent-${i}@example.com`;
        const res = await fetch(`${baseUrl}/api/admin/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: adminCookie },
          body: JSON.stringify({ email, name: `Agent ${i}`, role: 'admin', password: BENCH_AGENT_PASSWORD }),
        });
        if (!res.ok) throw new Error(`creating ${email} failed: ${res.status} ${await res.text()}`);
        const { user } = (await res.json()) as { user: { id: number } };
        agents.push({ userId: user.id, cookie: await login(baseUrl, email, BENCH_AGENT_PASSWORD) });
      }

      const visitors: Prepared['visitors'] = [];
      for (let i = 0; i < options.visitors; i += 50) {
        const batch = Array.from({ length: Math.min(50, options.visitors - i) }, async () => {
          const { visitor, visitorToken } = await startVisitorSession(server.ctx, { siteKey, userAgent: 'parley-bench' });
          visitors.push({ visitorId: visitor.id, token: visitorToken });
        });
        await Promise.all(batch);
      }
      return { store, nodeEnv, agents, visitors };
    } finally {
      await server.close();
    }
  } catch (error) {
    await store.drop();
    throw error;
  }
}
