/**
 * P2: two server processes sharing PostgreSQL + Redis. A visitor on node A and agents on node B
 * talk both ways with live list updates on both nodes; a client that reconnects to the other node
 * resumes without gaps; when a node shuts down its clients carry on on the other. Always runs on
 * PostgreSQL + Redis (the only scale-out driver set).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RealtimeClient, type VisitorCommands, type VisitorEvents, type VisitorResumeResult } from '@parley/protocol';
import WebSocket from 'ws';
import { connectAgent, connectVisitor, createVisitorSession, EventLog, type AgentClient } from './helpers/clients.js';
import { freshStore, type StoreEnv } from './helpers/drivers.js';
import { startProcessNode, type ProcessNode } from './helpers/processNode.js';
import { storeEnvVars } from './helpers/testServer.js';

interface TwoNodes {
  store: StoreEnv;
  nodes: [ProcessNode, ProcessNode];
  siteKey: string;
  close(): Promise<void>;
}

/** Node A starts first and sets up the demo workspace; node B joins the same store. */
async function startTwoNodes(): Promise<TwoNodes> {
  const store = await freshStore('postgres');
  const env = storeEnvVars(store);
  const a = await startProcessNode(env);
  const b = await startProcessNode(env);
  return {
    store,
    nodes: [a, b],
    siteKey: a.siteKey,
    async close() {
      await Promise.all([a.stop(), b.stop()]);
      await store.drop();
    },
  };
}

let cluster: TwoNodes;
let adminOnB: AgentClient;

before(async () => {
  cluster = await startTwoNodes();
  adminOnB = await connectAgent(cluster.nodes[1].url, cluster.nodes[1].wsUrl);
});
after(async () => {
  adminOnB.close();
  await cluster.close();
});

test('visitor on node A and agent on node B talk both ways; lists update live on both nodes', async () => {
  const a = cluster.nodes[0];
  const adminOnA = await connectAgent(a.url, a.wsUrl);
  const visitor = await connectVisitor(a.url, a.wsUrl, cluster.siteKey);

  const sent = await visitor.rt.send('message.send', { clientMessageId: 'hello', body: 'Hello from node A' });
  const id = sent.message.conversationId;
  await adminOnB.log.waitForEvent('conversation.created', (d) => d.conversation.id === id);
  await adminOnA.log.waitForEvent('conversation.created', (d) => d.conversation.id === id);
  await adminOnB.log.waitForEvent('message.created', (d) => d.message.body === 'Hello from node A');

  await adminOnB.rt.send('conversation.assign', { conversationId: id, userId: adminOnB.userId });
  await adminOnA.log.waitForEvent('conversation.assigned', (d) => d.conversation.id === id && d.conversation.assignee?.id === adminOnB.userId);
  const reply = await adminOnB.rt.send('message.send', { conversationId: id, clientMessageId: 'r1', body: 'Hi from node B' });
  const seen = await visitor.log.waitForEvent('message.created', (d) => d.message.id === reply.message.id);
  assert.equal(seen.data.message.author.name, 'Admin');

  // Typing signals cross nodes too.
  await visitor.rt.send('typing.set', { conversationId: id, typing: true });
  await adminOnB.log.waitFor(() => adminOnB.log.signals.find((s) => s.name === 'typing.changed' && s.data.conversationId === id));

  const countsA = await adminOnA.http('GET', '/api/conversations/counts');
  const countsB = await adminOnB.http('GET', '/api/conversations/counts');
  assert.deepEqual(countsA.body, countsB.body);
  adminOnA.close();
  visitor.close();
});

test('a client that reconnects to the other node resumes without gaps', async () => {
  const [a, b] = cluster.nodes;
  const session = await createVisitorSession(a.url, cluster.siteKey);
  let target = a.wsUrl;
  const log = new EventLog();
  const resumes: VisitorResumeResult[] = [];
  const resumedOn = new Set<string>();
  let connectingTo = target;
  const visitor = new RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>({
    url: 'unused',
    createSocket: () => new WebSocket((connectingTo = target)) as any,
    credentials: () => ({ visitorToken: session.visitorToken }),
    onEvent: (name, data, eventId) => log.push({ id: eventId, name: String(name), data }),
    onResumed: (r) => {
      resumes.push(r);
      resumedOn.add(connectingTo);
    },
  });
  visitor.connect();
  await log.waitFor(() => resumes.length === 1);
  const first = await visitor.send('message.send', { clientMessageId: 'm0', body: 'start' });
  const id = first.message.conversationId;

  // The agent (on B) streams replies while the visitor hops A → B → A.
  const total = 40;
  const replies: Array<Promise<unknown>> = [];
  for (let i = 1; i <= total; i++) {
    replies.push(adminOnB.rt.send('message.send', { conversationId: id, clientMessageId: `hop-${i}`, body: `reply ${i}` }));
    if (i % 10 === 0) {
      target = target === a.wsUrl ? b.wsUrl : a.wsUrl;
      const resumed = resumes.length;
      visitor.dropConnection();
      // Keep replying while the visitor is away, then let it come back on the other node.
      for (let j = 0; j < 3; j++) replies.push(adminOnB.rt.send('message.send', { conversationId: id, clientMessageId: `gap-${i}-${j}`, body: `away ${i}.${j}` }));
      await log.waitFor(() => resumes.length > resumed, 5000, 'resume on the other node');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(replies);
  await log.waitFor(() => log.events.filter((e) => e.name === 'message.created' && /^reply /.test(e.data.message.body)).length >= total, 10000, 'all replies');
  await new Promise((r) => setTimeout(r, 300));
  const bodies = log.events.filter((e) => e.name === 'message.created' && /^(reply|away) /.test(e.data.message.body)).map((e) => e.data.message.body);
  const expected: string[] = [];
  for (let i = 1; i <= total; i++) {
    expected.push(`reply ${i}`);
    if (i % 10 === 0) for (let j = 0; j < 3; j++) expected.push(`away ${i}.${j}`);
  }
  assert.deepEqual(bodies, expected);
  const ids = log.events.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((x, y) => x - y));
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(resumes.length, 5);
  assert.deepEqual([...resumedOn].sort(), [a.wsUrl, b.wsUrl].sort(), 'the visitor resumed on both nodes');
  visitor.close();
});

test('when a node shuts down, its clients resume on the other node', async () => {
  const c = await startTwoNodes();
  try {
    const [a, b] = c.nodes;
    const session = await createVisitorSession(a.url, c.siteKey);
    let target = a.wsUrl;
    const log = new EventLog();
    const resumes: VisitorResumeResult[] = [];
    const visitor = new RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>({
      url: 'unused',
      createSocket: () => new WebSocket(target) as any,
      credentials: () => ({ visitorToken: session.visitorToken }),
      onEvent: (name, data, eventId) => log.push({ id: eventId, name: String(name), data }),
      onResumed: (r) => resumes.push(r),
    });
    visitor.connect();
    await log.waitFor(() => resumes.length === 1);
    const agent = await connectAgent(b.url, b.wsUrl);
    const first = await visitor.send('message.send', { clientMessageId: 'x0', body: 'before' });
    target = b.wsUrl;
    await a.stop('SIGTERM'); // graceful: sockets get 1001 and reconnect to B
    const reply = await agent.rt.send('message.send', { conversationId: first.message.conversationId, clientMessageId: 'y', body: 'after failover' });
    await log.waitForEvent('message.created', (d) => d.message.id === reply.message.id);
    const again = await visitor.send('message.send', { clientMessageId: 'x1', body: 'still here' });
    assert.equal(again.message.conversationId, first.message.conversationId);
    visitor.close();
    agent.close();
  } finally {
    await c.close();
  }
});
