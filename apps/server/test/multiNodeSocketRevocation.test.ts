/**
 * Issue 8, hole 1 across two nodes sharing PostgreSQL and Redis (in this process, each with its
 * own pool, pub/sub connections and gateway): signing out on node A closes the session's sockets
 * on node B too; a role change or deactivation made on A re-scopes or closes a socket on B.
 * Always runs on PostgreSQL + Redis (the only scale-out driver set).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, createUserAs, createVisitorSession, httpAs, login, type AgentClient } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { agentSocket, within } from './helpers/rawSocket.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

let cluster: TestCluster;
let admin: AgentClient;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const messageFrame = (body: string) => (f: any) => f.t === 'event' && f.name === 'message.created' && f.data.message.body === body;

before(async () => {
  cluster = await startCluster({ nodes: 2, store: await freshStore('postgres') });
  admin = await connectAgent(cluster.nodes[0]!.url, cluster.nodes[0]!.wsUrl);
});
after(async () => {
  admin.close();
  await cluster.close();
});

test('signing out on node A closes the same session’s sockets on node A and node B (4401)', async () => {
  const [a, b] = [cluster.nodes[0]!, cluster.nodes[1]!];
  const dee = await createUserAs(admin, { email: 'dee@example.com', name: 'Dee', role: 'admin' });
  const session = await login(a.url, dee.email, dee.password);
  const onA = await agentSocket(a.wsUrl, session.cookie);
  const onB = await agentSocket(b.wsUrl, session.cookie);
  assert.equal((await httpAs(a.url, session.cookie)('POST', '/api/auth/logout')).status, 204);
  assert.equal((await within(onA.closed, 3000, 'socket on node A closes')).code, 4401);
  assert.equal((await within(onB.closed, 3000, 'socket on node B closes')).code, 4401);
});

test('a role change made on node A re-scopes a socket on node B; deactivation on A closes it', async () => {
  const [a, b] = [cluster.nodes[0]!, cluster.nodes[1]!];
  const eve = await createUserAs(admin, { email: 'eve@example.com', name: 'Eve', role: 'admin' });
  const session = await login(b.url, eve.email, eve.password);
  const onB = await agentSocket(b.wsUrl, session.cookie);

  const visitor = await createVisitorSession(a.url, cluster.siteKey);
  const write = (id: string, body: string) => httpAs(a.url, null, visitor.visitorToken)('POST', '/api/widget/messages', { clientMessageId: id, body });
  const conversationId = (await write('1', 'hello')).body.message.conversationId as number;
  assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId: admin.userId })).status, 200);
  await write('2', 'seen by admins');
  await onB.next(messageFrame('seen by admins'));

  assert.equal((await admin.http('PATCH', `/api/admin/users/${eve.id}`, { role: 'agent' })).status, 200);
  await onB.next((f) => f.t === 'event' && f.name === 'user.updated' && f.data.user.id === eve.id && f.data.user.role === 'agent');
  await write('3', 'private now');
  await admin.log.waitForEvent('message.created', (d) => d.message.body === 'private now');
  await sleep(300);
  assert.ok(!onB.frames.some(messageFrame('private now')));
  const take = await onB.command('conversation.assign', { conversationId, userId: eve.id });
  assert.equal(take.error?.code, 'forbidden');

  assert.equal((await admin.http('PATCH', `/api/admin/users/${eve.id}`, { active: false })).status, 200);
  assert.equal((await within(onB.closed, 3000, 'deactivated user’s socket on node B closes')).code, 4401);
});
