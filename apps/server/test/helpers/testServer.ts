/**
 * Real Parley nodes for tests: buildServer on a fresh store, listening on port 0, with the demo
 * workspace bootstrapped. Several nodes can share one store (multi-node tests).
 */
import { pino } from 'pino';
import { buildServer, type ParleyServer } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { bootstrapWorkspace } from '../../src/domain/sites/bootstrapWorkspace.js';
import { freshStore, type StoreEnv } from './drivers.js';

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestNode {
  server: ParleyServer;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

export interface TestCluster {
  store: StoreEnv;
  nodes: TestNode[];
  siteKey: string;
  /** The first node, for single-node tests. */
  url: string;
  wsUrl: string;
  addNode(): Promise<TestNode>;
  close(): Promise<void>;
}

export function storeEnvVars(store: StoreEnv): Record<string, string> {
  const vars: Record<string, string> = {
    PARLEY_DATA_DIR: store.dataDir,
    PARLEY_ADMIN_EMAIL: ADMIN_EMAIL,
    PARLEY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PARLEY_LOGIN_RATE_LIMIT: '100000',
    // Tests send hundreds of messages a second from one sender; writeRateLimits.test.ts sets its own.
    PARLEY_VISITOR_MESSAGE_BURST: '1000000',
    PARLEY_USER_MESSAGE_BURST: '1000000',
    PARLEY_CONTEXT_UPDATE_BURST: '1000000',
    LOG_LEVEL: process.env.PARLEY_TEST_LOG ?? 'silent',
  };
  if (store.databaseUrl) vars.DATABASE_URL = store.databaseUrl;
  if (store.redisUrl) vars.REDIS_URL = store.redisUrl;
  return vars;
}

export interface NodeOptions {
  clock?: () => number;
  /** Extra environment, e.g. SMTP_URL. */
  env?: Record<string, string>;
}

export async function startNode(store: StoreEnv, options: NodeOptions = {}): Promise<TestNode> {
  const config = loadConfig({ ...storeEnvVars(store), PORT: '0', HOST: '127.0.0.1', ...options.env });
  const server = await buildServer(config, { clock: options.clock, logger: pino({ level: config.logLevel }) });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (server.app.server.address() as { port: number }).port;
  return { server, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/realtime`, close: () => server.close() };
}

export interface ClusterOptions extends NodeOptions {
  nodes?: number;
  store?: StoreEnv;
  /**
   * false = the workspace as a first start leaves it, setup wizard not finished (A1). By default
   * the helpers mark setup completed, so tests of the inbox are not sent to the wizard.
   */
  setupCompleted?: boolean;
}

export async function startCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const store = options.store ?? (await freshStore());
  const nodeOptions: NodeOptions = { clock: options.clock, env: options.env };
  const first = await startNode(store, nodeOptions);
  const boot = await bootstrapWorkspace(first.server.ctx);
  if (options.setupCompleted !== false) {
    await first.server.ctx.storage.db.updateTable('workspaces').set({ setup_completed_at: first.server.ctx.clock() }).where('setup_completed_at', 'is', null).execute();
  }
  const nodes = [first];
  for (let i = 1; i < (options.nodes ?? 1); i++) nodes.push(await startNode(store, nodeOptions));
  return {
    store,
    nodes,
    siteKey: boot.siteKey,
    url: first.url,
    wsUrl: first.wsUrl,
    async addNode() {
      const node = await startNode(store, nodeOptions);
      nodes.push(node);
      return node;
    },
    async close() {
      for (const node of nodes) await node.close().catch(() => {});
      await store.drop();
    },
  };
}
