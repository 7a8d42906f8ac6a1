/**
 * Issue 8, hole 1: an open inbox socket follows its session and role. Sign-out, expiry and
 * deactivation close it with 4401; a role change re-scopes it at once, so it neither receives
 * nor does more than the user may now. Real server, real sockets, both driver sets.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createUserAs, createVisitorSession, httpAs, login } from './helpers/clients.js';
import { ManualClock } from './helpers/manualClock.js';
import { agentSocket, within, type RawSocket } from './helpers/rawSocket.js';
import { useNodeWithAdmin } from './helpers/suite.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const shared = useNodeWithAdmin();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A visitor who wrote once; `write` sends more over HTTP. */
async function chattingVisitor(url: string, siteKey: string, first: string) {
  const session = await createVisitorSession(url, siteKey);
  const http = httpAs(url, null, session.visitorToken);
  let n = 0;
  const write = async (body: string) => {
    const res = await http('POST', '/api/widget/messages', { clientMessageId: `m-${n++}`, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.message as { id: number; conversationId: number };
  };
  const conversationId = (await write(first)).conversationId;
  return { ...session, conversationId, write };
}

const messageFrame = (body: string) => (f: any) => f.t === 'event' && f.name === 'message.created' && f.data.message.body === body;

test('signing out closes every socket of that session with 4401, on the spot; other sessions stay', async () => {
  const { url, wsUrl, siteKey } = shared.cluster;
  const ann = await createUserAs(shared.admin, { email: 'ann@example.com', name: 'Ann', role: 'admin' });
  const first = await login(url, ann.email, ann.password);
  const second = await login(url, ann.email, ann.password);
  const tab1 = await agentSocket(wsUrl, first.cookie);
  const tab2 = await agentSocket(wsUrl, first.cookie);
  const otherDevice = await agentSocket(wsUrl, second.cookie);

  const out = await httpAs(url, first.cookie)('POST', '/api/auth/logout');
  assert.equal(out.status, 204);
  for (const tab of [tab1, tab2]) {
    const closed = await within(tab.closed, 3000, 'signed-out socket closes');
    assert.equal(closed.code, 4401);
  }
  const visitor = await chattingVisitor(url, siteKey, 'after sign-out');
  await otherDevice.next(messageFrame('after sign-out'));
  assert.equal(otherDevice.isClosed(), false, 'the other session is untouched');
  assert.ok(!tab1.frames.some(messageFrame('after sign-out')));
  otherDevice.ws.close();
  assert.ok(visitor.conversationId > 0);
});

test('admin → agent: the open socket is re-scoped at once: no more private threads, no acting on them', async () => {
  const { url, wsUrl, siteKey } = shared.cluster;
  const boss = await createUserAs(shared.admin, { email: 'boss@example.com', name: 'Boss', role: 'admin' });
  const bossLogin = await login(url, boss.email, boss.password);
  const socket = await agentSocket(wsUrl, bossLogin.cookie);

  // A chat assigned to the bootstrap admin: private to admins and its assignee.
  const visitor = await chattingVisitor(url, siteKey, 'hello');
  const assigned = await shared.admin.http('POST', `/api/conversations/${visitor.conversationId}/assign`, { userId: shared.admin.userId });
  assert.equal(assigned.status, 200);
  await visitor.write('seen by admins');
  await socket.next(messageFrame('seen by admins'));

  const demoted = await shared.admin.http('PATCH', `/api/admin/users/${boss.id}`, { role: 'agent' });
  assert.equal(demoted.status, 200);
  await socket.next((f) => f.t === 'event' && f.name === 'user.updated' && f.data.user.id === boss.id && f.data.user.role === 'agent');

  await visitor.write('private now');
  await shared.admin.log.waitForEvent('message.created', (d) => d.message.body === 'private now');
  await sleep(300);
  assert.ok(!socket.frames.some(messageFrame('private now')), 'the demoted socket no longer receives threads assigned to others');

  const take = await socket.command('conversation.assign', { conversationId: visitor.conversationId, userId: boss.id });
  assert.equal(take.ok, false);
  assert.equal(take.error.code, 'forbidden');
  const reply = await socket.command('message.send', { conversationId: visitor.conversationId, clientMessageId: 'x', body: 'hijack' });
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'forbidden');
  const thread = await shared.admin.http('GET', `/api/conversations/${visitor.conversationId}`);
  assert.equal(thread.body.conversation.assignee.id, shared.admin.userId);
  assert.ok(!thread.body.messages.some((m: any) => m.body === 'hijack'));
  assert.equal(socket.isClosed(), false, 're-scoped, not signed out');
  socket.ws.close();
});

test('deactivation closes the socket (4401), ends sessions, refuses sign-in and routing; reactivation restores sign-in', async () => {
  const { url, wsUrl, siteKey } = shared.cluster;
  const cat = await createUserAs(shared.admin, { email: 'cat@example.com', name: 'Cat' });
  const catLogin = await login(url, cat.email, cat.password);
  const socket = await agentSocket(wsUrl, catLogin.cookie);
  assert.equal((await socket.command('availability.set', { availability: 'online' })).ok, true);

  const off = await shared.admin.http('PATCH', `/api/admin/users/${cat.id}`, { active: false });
  assert.equal(off.status, 200);
  assert.equal(off.body.user.active, false);
  assert.equal((await within(socket.closed, 3000, 'deactivated socket closes')).code, 4401);
  assert.equal((await httpAs(url, catLogin.cookie)('GET', '/api/me')).status, 401);
  await assert.rejects(login(url, cat.email, cat.password), /401/);

  // No chat is offered to a deactivated user, though they were online a moment ago.
  await chattingVisitor(url, siteKey, 'anyone there?');
  await sleep(300);
  const db = shared.cluster.nodes[0]!.server.ctx.storage.db;
  const offers = await db.selectFrom('offers').select('id').where('user_id', '=', cat.id).execute();
  assert.equal(offers.length, 0);

  const on = await shared.admin.http('PATCH', `/api/admin/users/${cat.id}`, { active: true });
  assert.equal(on.body.user.active, true);
  await login(url, cat.email, cat.password);
});

test('the last active admin cannot be deactivated', async () => {
  const users = (await shared.admin.http('GET', '/api/users')).body.users as Array<{ id: number; role: string; active: boolean }>;
  for (const other of users.filter((u) => u.role === 'admin' && u.active && u.id !== shared.admin.userId)) {
    assert.equal((await shared.admin.http('PATCH', `/api/admin/users/${other.id}`, { active: false })).status, 200);
  }
  const res = await shared.admin.http('PATCH', `/api/admin/users/${shared.admin.userId}`, { active: false });
  assert.equal(res.status, 400);
  assert.equal(res.body.error.code, 'validation_failed');
  assert.equal((await shared.admin.http('GET', '/api/me')).status, 200);
});

const clock = new ManualClock();
let timed: TestCluster;
let rechecked: TestCluster;
before(async () => {
  timed = await startCluster({ clock: clock.now });
  rechecked = await startCluster({ env: { PARLEY_SESSION_RECHECK_SECONDS: '1' } });
});
after(async () => {
  await timed.close();
  await rechecked.close();
});

test('session expiry: commands are refused and sockets close with 4401 once the session ran out', async () => {
  const { url, wsUrl, siteKey } = timed;
  const signIn = await login(url);
  const acting = await agentSocket(wsUrl, signIn.cookie);
  const listening = await agentSocket(wsUrl, signIn.cookie);
  // Let the "connected" announcement about this user pass first (it makes sockets re-check).
  await timed.nodes[0]!.server.gateway.presence.settled();
  await sleep(200);
  clock.advance(15 * 24 * 60 * 60 * 1000);

  const refused = await acting.command('availability.set', { availability: 'away' });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.code, 'unauthorized');
  assert.equal((await within(acting.closed, 3000, 'expired socket closes')).code, 4401);

  await chattingVisitor(url, siteKey, 'after expiry');
  assert.equal((await within(listening.closed, 3000, 'expired listening socket closes')).code, 4401);
  assert.ok(!listening.frames.some(messageFrame('after expiry')), 'nothing is delivered past the expiry');
});

test('a lost sign-out signal is caught by the periodic re-check', async () => {
  const { url, wsUrl } = rechecked;
  const signIn = await login(url);
  const socket: RawSocket = await agentSocket(wsUrl, signIn.cookie);
  // The session row goes away without any signal (as if the pub/sub message was lost).
  await rechecked.nodes[0]!.server.ctx.storage.db.deleteFrom('sessions').execute();
  assert.equal((await within(socket.closed, 4000, 'periodic re-check closes the socket')).code, 4401);
});
