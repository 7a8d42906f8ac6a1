/**
 * Issue 8, hole 3: per-sender write limits. A burst beyond the allowance is refused with
 * `rate_limited` (retryAfterMs on sockets, retry-after over HTTP) and nothing beyond it is
 * stored; socket and HTTP share one allowance; context updates are limited and coalesced.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, connectVisitor, createVisitorSession, httpAs, type AgentClient } from './helpers/clients.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const BURST = 8;
let cluster: TestCluster;
let admin: AgentClient;

before(async () => {
  // One token a minute after the burst: within a test, exactly BURST writes get through.
  cluster = await startCluster({
    env: {
      PARLEY_VISITOR_MESSAGE_BURST: String(BURST),
      PARLEY_VISITOR_MESSAGES_PER_MINUTE: '1',
      PARLEY_USER_MESSAGE_BURST: String(BURST),
      PARLEY_USER_MESSAGES_PER_MINUTE: '1',
      PARLEY_CONTEXT_UPDATE_BURST: '30',
      PARLEY_CONTEXT_UPDATES_PER_MINUTE: '1',
    },
  });
  admin = await connectAgent(cluster.url, cluster.wsUrl);
});
after(async () => {
  admin.close();
  await cluster.close();
});

function db() {
  return cluster.nodes[0]!.server.ctx.storage.db;
}

async function storedBy(kind: 'visitor' | 'user', id: number): Promise<number> {
  const column = kind === 'visitor' ? 'author_visitor_id' : 'author_user_id';
  const row = await db().selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where(column, '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

test('a visitor burst over the socket: the allowance is stored, the rest refused with rate_limited and retryAfterMs', async () => {
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => visitor.rt.send('message.send', { clientMessageId: `s-${i}`, body: `burst ${i}` })));
  const ok = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.equal(ok.length, BURST);
  assert.equal(refused.length, 30 - BURST);
  for (const r of refused) {
    assert.equal(r.reason.error.code, 'rate_limited');
    assert.ok(r.reason.error.retryAfterMs > 0, 'the refusal says when to retry');
  }
  assert.equal(await storedBy('visitor', visitor.visitorId), BURST);

  // HTTP draws on the same allowance: nothing left for this visitor.
  const http = httpAs(cluster.url, null, visitor.visitorToken);
  const viaHttp = await http('POST', '/api/widget/messages', { clientMessageId: 'h-1', body: 'over http' });
  assert.equal(viaHttp.status, 429);
  assert.equal(viaHttp.body.error.code, 'rate_limited');
  assert.equal(await storedBy('visitor', visitor.visitorId), BURST);
  visitor.close();
});

test('a visitor burst over HTTP: exactly the allowance is stored; refusals carry retry-after', async () => {
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  const post = (i: number) =>
    fetch(`${cluster.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.visitorToken}` },
      body: JSON.stringify({ clientMessageId: `h-${i}`, body: `http ${i}` }),
    });
  const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i)));
  const limited = responses.filter((r) => r.status === 429);
  assert.equal(responses.filter((r) => r.status === 201).length, BURST);
  assert.equal(limited.length, 20 - BURST);
  assert.ok(Number(limited[0]!.headers.get('retry-after')) >= 1);
  const body = (await limited[0]!.json()) as any;
  assert.equal(body.error.code, 'rate_limited');
  assert.equal(await storedBy('visitor', session.visitorId), BURST);
});

test('users have their own allowance per user', async () => {
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const conversationId = (await visitor.rt.send('message.send', { clientMessageId: 'start', body: 'hi' })).message.conversationId;
  const before = await storedBy('user', admin.userId);
  const results = await Promise.allSettled(
    Array.from({ length: BURST + 5 }, (_, i) => admin.rt.send('message.send', { conversationId, clientMessageId: `u-${i}`, body: `reply ${i}` })),
  );
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, BURST);
  assert.equal(await storedBy('user', admin.userId), before + BURST);
  visitor.close();
});

test('context updates: a burst is coalesced into few writes, the last value wins, and the excess is refused', async () => {
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const conversationId = (await visitor.rt.send('message.send', { clientMessageId: 'ctx', body: 'about to browse' })).message.conversationId;
  await admin.log.waitForEvent('message.created', (d) => d.message.conversationId === conversationId && d.message.body === 'about to browse');
  const updatesBefore = admin.log.events.filter((e) => e.name === 'conversation.updated' && e.data.conversation.id === conversationId).length;

  const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => visitor.rt.send('context.update', { pageUrl: `https://shop.example/p/${i}` })));
  const accepted = results.map((r, i) => (r.status === 'fulfilled' ? i : -1)).filter((i) => i >= 0);
  assert.equal(accepted.length, 30, 'the burst allowance');
  for (const r of results) if (r.status === 'rejected') assert.equal(r.reason.error.code, 'rate_limited');

  // The last accepted value is stored once the coalescing window ends.
  const last = `https://shop.example/p/${accepted.at(-1)}`;
  const deadline = Date.now() + 5000;
  let stored = '';
  while (Date.now() < deadline) {
    const row = await db().selectFrom('visitors').select('context').where('id', '=', visitor.visitorId).executeTakeFirstOrThrow();
    stored = JSON.parse(row.context).pageUrl;
    if (stored === last) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(stored, last);
  await new Promise((r) => setTimeout(r, 1500));
  // Routing also updates the conversation; count the page changes agents were told about.
  const pages = admin.log.events
    .filter((e) => e.name === 'conversation.updated' && e.data.conversation.id === conversationId)
    .slice(updatesBefore)
    .map((e) => e.data.conversation.visitor.context.pageUrl as string | null)
    .filter((url, i, all) => url?.startsWith('https://shop.example/') && url !== all[i - 1]);
  assert.ok(pages.length >= 1 && pages.length <= 2, `30 accepted updates were announced as ${pages.length} changes: ${pages.join(', ')}`);
  assert.equal(pages.at(-1), last);
  visitor.close();
});
