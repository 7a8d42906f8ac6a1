/**
 * Shared steps of the routing tests: agents who are online with a live inbox socket, visitors who
 * write over HTTP, and running deadlines until nothing more is due.
 */
import { connectAgent, createUserAs, createVisitorSession, httpAs, type AgentClient } from './clients.js';
import type { TestCluster } from './testServer.js';

export async function onlineAgent(cluster: TestCluster, admin: AgentClient, name: string, node = 0): Promise<AgentClient> {
  const creds = await createUserAs(admin, { email: `${name.toLowerCase()}@example.com`, name });
  const target = cluster.nodes[node]!;
  const agent = await connectAgent(target.url, target.wsUrl, creds);
  await agent.rt.send('availability.set', { availability: 'online' });
  await settle(cluster);
  return agent;
}

export async function setAway(agent: AgentClient): Promise<void> {
  await agent.rt.send('availability.set', { availability: 'away' });
}

export interface WritingVisitor {
  visitorId: number;
  visitorToken: string;
  conversationId: number;
  http: ReturnType<typeof httpAs>;
}

/** A new visitor writes its first message over HTTP (a conversation starts). */
export async function visitorWrites(cluster: TestCluster, body: string, node = 0): Promise<WritingVisitor> {
  const url = cluster.nodes[node]!.url;
  const session = await createVisitorSession(url, cluster.siteKey);
  const http = httpAs(url, null, session.visitorToken);
  const sent = await http('POST', '/api/widget/messages', { clientMessageId: `first-${session.visitorId}`, body });
  if (sent.status !== 201) throw new Error(`visitor message failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  return { ...session, conversationId: sent.body.message.conversationId, http };
}

/** Runs every node's due deadlines until a full round fires nothing (kicks may run beside it). */
export async function settle(cluster: TestCluster): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await Promise.all(cluster.nodes.map((node) => node.server.gateway.presence.settled()));
    const fired = await Promise.all(cluster.nodes.map((node) => node.server.deadlines.tick()));
    if (fired.every((n) => n === 0)) return;
  }
  throw new Error('deadlines kept firing');
}

export function storage(cluster: TestCluster) {
  return cluster.nodes[0]!.server.ctx.storage.db;
}

/** Per user: open assigned chats plus pending offers — what capacity counts. */
export async function loads(cluster: TestCluster, userIds: number[]): Promise<Map<number, number>> {
  const db = storage(cluster);
  const result = new Map<number, number>();
  for (const id of userIds) {
    const open = await db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).where('assignee_id', '=', id).where('status', '=', 'open').executeTakeFirstOrThrow();
    const pending = await db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', id).where('status', '=', 'pending').executeTakeFirstOrThrow();
    result.set(id, Number(open.n) + Number(pending.n));
  }
  return result;
}

export async function pendingOffers(cluster: TestCluster) {
  return storage(cluster).selectFrom('offers').selectAll().where('status', '=', 'pending').orderBy('id').execute();
}
