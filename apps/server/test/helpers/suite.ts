import { after, before } from 'node:test';
import { connectAgent, type AgentClient } from './clients.js';
import { startCluster, type TestCluster } from './testServer.js';

/**
 * The usual test file setup: one node on a fresh store and the admin signed in with a live
 * socket, started before the file's tests and torn down after them.
 */
export function useNodeWithAdmin(): { cluster: TestCluster; admin: AgentClient } {
  const shared = {} as { cluster: TestCluster; admin: AgentClient };
  before(async () => {
    shared.cluster = await startCluster();
    shared.admin = await connectAgent(shared.cluster.url, shared.cluster.wsUrl);
  });
  after(async () => {
    shared.admin.close();
    await shared.cluster.close();
  });
  return shared;
}
