/**
 * Chatflows (A2, W6) through the API, on both drivers: two chatflows on one site decide which
 * config each page view gets (targeting, exclusions, priority, Published), chatflows are created,
 * duplicated, reordered and deleted, a bad rule is refused with the path that is wrong and changes
 * nothing, and the availability stream tells an open widget that its chatflow was unpublished.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_DISPLAY } from '@parley/chatflow';
import type { Chatflow } from '@parley/protocol';
import { createChatflow, demoSite, updateChatflow, widgetConfigFor } from './helpers/chatflows.js';
import { connectAgent, connectVisitor, createVisitorSession, httpAs, type AgentClient } from './helpers/clients.js';
import { openSse } from './helpers/sseReader.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

// One hook sets everything up: the node, the signed-in admin and the two chatflows.
const shared = {} as { cluster: TestCluster; admin: AgentClient };
let siteId: number;
let demo: Chatflow;
let a: Chatflow;
let b: Chatflow;

const page = (path: string) => `https://shop.example${path}`;
const configFor = (path: string) => widgetConfigFor(shared.cluster.url, shared.cluster.siteKey, { url: page(path), device: 'desktop' });
const chosenFor = async (path: string) => {
  const res = await configFor(path);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.config === null ? null : (res.body.config.chatflowId as number);
};

after(async () => {
  shared.admin.close();
  await shared.cluster.close();
});

before(async () => {
  shared.cluster = await startCluster();
  shared.admin = await connectAgent(shared.cluster.url, shared.cluster.wsUrl);
  const site = await demoSite(shared.admin.http);
  siteId = site.id;
  demo = site.chatflows[0]!;
  // A: the pricing page for visitors on the pro plan. B: every page except the privacy policy.
  a = await createChatflow(shared.admin.http, {
    siteId,
    name: 'Pricing pro',
    published: true,
    targeting: { groups: [[{ field: 'url', op: 'startsWith', value: '/pricing' }, { field: 'query', name: 'plan', value: 'pro' }]], exclusions: [] },
    settings: { welcomeMessage: 'Questions about Pro?' },
  });
  b = await createChatflow(shared.admin.http, {
    siteId,
    name: 'Everywhere',
    published: true,
    targeting: { groups: [], exclusions: [{ field: 'url', op: 'is', value: '/privacy' }] },
  });
  // The demo chatflow would show on every page: it steps aside for this test.
  await updateChatflow(shared.admin.http, demo.id, { published: false });
  const order = await shared.admin.http('PUT', `/api/admin/sites/${siteId}/chatflow-order`, { chatflowIds: [a.id, b.id, demo.id] });
  assert.equal(order.status, 200, JSON.stringify(order.body));
});

test('the bootstrapped site has one published chatflow in the new shape', () => {
  assert.equal(demo.published, true);
  assert.equal(demo.priority, 0);
  assert.equal(demo.language, 'en');
  assert.deepEqual(demo.targeting, { groups: [], exclusions: [] });
  assert.equal(typeof demo.createdAt, 'number');
  assert.equal('isDefault' in demo, false);
  assert.equal('enabled' in demo, false);
});

test('a new chatflow gets the defaults: unpublished, last, English texts, every page', async () => {
  const created = await createChatflow(shared.admin.http, { siteId, name: 'Defaults' });
  try {
    assert.equal(created.published, false);
    assert.equal(created.language, 'en');
    assert.equal(created.settings.headingName, 'Support team');
    assert.equal(created.settings.welcomeMessage, 'Hi! How can we help you today?');
    assert.deepEqual(created.settings.display, DEFAULT_DISPLAY);
    assert.deepEqual(created.targeting, { groups: [], exclusions: [] });
    const all = (await shared.admin.http('GET', `/api/admin/chatflows?siteId=${siteId}`)).body.chatflows as Chatflow[];
    assert.equal(Math.max(...all.map((c) => c.priority)), created.priority, 'after the others');
    const fi = await createChatflow(shared.admin.http, { siteId, name: 'Suomeksi', language: 'fi' });
    assert.equal(fi.settings.headingName, 'Asiakaspalvelu');
    assert.match(fi.settings.welcomeMessage, /^Hei!/);
    await shared.admin.http('DELETE', `/api/admin/chatflows/${fi.id}`);
  } finally {
    await shared.admin.http('DELETE', `/api/admin/chatflows/${created.id}`);
  }
});

test('targeting: /pricing?plan=pro gets A, /about gets B, /privacy gets none', async () => {
  assert.equal(await chosenFor('/pricing?plan=pro'), a.id);
  assert.equal(await chosenFor('/about'), b.id);
  assert.equal(await chosenFor('/privacy'), null);
  assert.equal(await chosenFor('/pricing?plan=basic'), b.id, 'the query rule is part of the group');
  const config = (await configFor('/pricing?plan=pro')).body.config;
  assert.equal(config.siteKey, shared.cluster.siteKey);
  assert.equal(config.welcomeMessage, 'Questions about Pro?');
  assert.equal(config.language, 'en');
  assert.equal(config.loaderStrings.openChat, 'Open chat');
  assert.deepEqual(config.heading, { title: 'Support team', people: [{ name: 'Support team', avatarUrl: null }] });
  const stored = (await shared.admin.http('GET', `/api/admin/chatflows/${a.id}`)).body.chatflow as Chatflow;
  assert.equal(config.version, stored.updatedAt);
  assert.equal(typeof config.availability.state, 'string');
});

test('priority decides between matching chatflows, and reordering changes it', async () => {
  const swapped = await shared.admin.http('PUT', `/api/admin/sites/${siteId}/chatflow-order`, { chatflowIds: [b.id, a.id, demo.id] });
  assert.equal(swapped.status, 200);
  assert.deepEqual(
    (swapped.body.chatflows as Chatflow[]).map((c) => [c.id, c.priority]),
    [[b.id, 0], [a.id, 1], [demo.id, 2]],
  );
  assert.equal(await chosenFor('/pricing?plan=pro'), b.id);
  const incomplete = await shared.admin.http('PUT', `/api/admin/sites/${siteId}/chatflow-order`, { chatflowIds: [a.id, b.id] });
  assert.equal(incomplete.status, 400);
  assert.equal(incomplete.body.error.code, 'validation_failed');
  assert.equal(await chosenFor('/pricing?plan=pro'), b.id, 'a refused order changes nothing');
  const back = await shared.admin.http('PUT', `/api/admin/sites/${siteId}/chatflow-order`, { chatflowIds: [a.id, b.id, demo.id] });
  assert.equal(back.status, 200);
  assert.equal(await chosenFor('/pricing?plan=pro'), a.id);
});

test('an unpublished chatflow never shows, even first in priority or asked for by id', async () => {
  const hidden = await createChatflow(shared.admin.http, { siteId, name: 'Draft', targeting: { groups: [], exclusions: [] } });
  try {
    const order = await shared.admin.http('PUT', `/api/admin/sites/${siteId}/chatflow-order`, { chatflowIds: [hidden.id, a.id, b.id, demo.id] });
    assert.equal(order.status, 200);
    assert.equal(await chosenFor('/about'), b.id);
    assert.equal(await chosenFor('/privacy'), null);
    const byId = await widgetConfigFor(shared.cluster.url, shared.cluster.siteKey, { chatflowId: hidden.id });
    assert.deepEqual(byId.body, { config: null });
    const published = await widgetConfigFor(shared.cluster.url, shared.cluster.siteKey, { chatflowId: a.id });
    assert.equal(published.body.config.chatflowId, a.id, 'the frame gets the chatflow the loader showed');
  } finally {
    await shared.admin.http('DELETE', `/api/admin/chatflows/${hidden.id}`);
  }
});

test('duplicate copies a chatflow unpublished and last; delete hides it everywhere', async () => {
  const copy = await shared.admin.http('POST', `/api/admin/chatflows/${a.id}/duplicate`);
  assert.equal(copy.status, 201);
  const duplicated = copy.body.chatflow as Chatflow;
  assert.equal(duplicated.name, 'Pricing pro (copy)');
  assert.equal(duplicated.published, false);
  assert.deepEqual(duplicated.targeting, a.targeting);
  assert.equal(duplicated.settings.welcomeMessage, 'Questions about Pro?');
  const list = (await shared.admin.http('GET', `/api/admin/chatflows?siteId=${siteId}`)).body.chatflows as Chatflow[];
  assert.equal(list.at(-1)!.id, duplicated.id);

  const deleted = await shared.admin.http('DELETE', `/api/admin/chatflows/${duplicated.id}`);
  assert.equal(deleted.status, 204);
  const after = (await shared.admin.http('GET', '/api/admin/chatflows')).body.chatflows as Chatflow[];
  assert.equal(after.some((c) => c.id === duplicated.id), false);
  assert.equal((await shared.admin.http('GET', `/api/admin/chatflows/${duplicated.id}`)).status, 404);
  assert.equal((await shared.admin.http('PATCH', `/api/admin/chatflows/${duplicated.id}`, { name: 'Back' })).status, 404);
  assert.equal((await shared.admin.http('DELETE', `/api/admin/chatflows/${duplicated.id}`)).status, 404);
  const sites = (await shared.admin.http('GET', '/api/admin/sites')).body.sites;
  assert.equal(sites[0].chatflows.some((c: Chatflow) => c.id === duplicated.id), false);
});

test('settings are merged field by field; display is replaced whole', async () => {
  const changed = await updateChatflow(shared.admin.http, b.id, {
    settings: { accentColor: '#112233', display: { desktop: 'launcher', mobile: 'launcher', triggers: { exitIntent: true, secondsOnPage: 10, scrollPercent: null } } },
  });
  assert.equal(changed.settings.accentColor, '#112233');
  assert.equal(changed.settings.headingName, b.settings.headingName, 'untouched fields stay');
  assert.equal(changed.settings.display.desktop, 'launcher');
  assert.equal(changed.settings.display.triggers.secondsOnPage, 10);
  assert.ok(changed.updatedAt > b.updatedAt);
  b = changed;
});

test('a bad rule or setting is refused with the path that is wrong, and nothing changes', async () => {
  const before = (await shared.admin.http('GET', `/api/admin/chatflows/${a.id}`)).body.chatflow as Chatflow;
  const cases: Array<[unknown, RegExp]> = [
    [{ targeting: { groups: [[{ field: 'url', op: 'regex', value: '^/p' }]], exclusions: [] } }, /targeting\.groups\[0\]\[0\]/],
    [{ targeting: { groups: [[{ field: 'url', op: 'is', value: '' }]], exclusions: [] } }, /targeting\.groups\[0\]\[0\]\.value/],
    [{ targeting: { groups: { first: [] }, exclusions: [] } }, /targeting\/groups/],
    [{ targeting: { groups: [], exclusions: [{ field: 'device', value: 'tablet' }] } }, /targeting\.exclusions\[0\]/],
    [{ name: 'Renamed', settings: { welcomeMessage: '   ' } }, /settings\.welcomeMessage/],
    [{ settings: { accentColor: 'blue' } }, /accentColor/],
  ];
  for (const [body, where] of cases) {
    const res = await shared.admin.http('PATCH', `/api/admin/chatflows/${a.id}`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, 'validation_failed');
    assert.match(`${res.body.error.detail ?? ''} ${res.body.error.message}`, where);
  }
  const created = await shared.admin.http('POST', '/api/admin/chatflows', { siteId, name: 'Bad', targeting: { groups: [[{ field: 'url', op: 'regex', value: 'x' }]], exclusions: [] } });
  assert.equal(created.status, 400);
  const after = (await shared.admin.http('GET', `/api/admin/chatflows/${a.id}`)).body.chatflow as Chatflow;
  assert.deepEqual(after, before);
  const list = (await shared.admin.http('GET', `/api/admin/chatflows?siteId=${siteId}`)).body.chatflows as Chatflow[];
  assert.equal(list.some((c) => c.name === 'Bad'), false);
});

test('a conversation starts in the chatflow the widget sent, if it is published there', async () => {
  const db = shared.cluster.nodes[0]!.server.ctx.storage.db;
  const chatflowOf = async (conversationId: number) =>
    (await db.selectFrom('conversations').select('chatflow_id').where('id', '=', conversationId).executeTakeFirstOrThrow()).chatflow_id;

  const first = await createVisitorSession(shared.cluster.url, shared.cluster.siteKey);
  const sentB = await httpAs(shared.cluster.url, null, first.visitorToken)('POST', '/api/widget/messages', { clientMessageId: 'm1', body: 'Hi', chatflowId: b.id });
  assert.equal(sentB.status, 201, JSON.stringify(sentB.body));
  assert.equal(await chatflowOf(sentB.body.message.conversationId), b.id);

  // Unpublished (the demo chatflow): the site's first published chatflow by priority instead (A).
  const second = await createVisitorSession(shared.cluster.url, shared.cluster.siteKey);
  const sent = await httpAs(shared.cluster.url, null, second.visitorToken)('POST', '/api/widget/messages', { clientMessageId: 'm1', body: 'Hi', chatflowId: demo.id });
  assert.equal(sent.status, 201);
  assert.equal(await chatflowOf(sent.body.message.conversationId), a.id);

  // The socket command carries it the same way.
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  try {
    const result = await visitor.rt.send('message.send', { clientMessageId: 's1', body: 'Over the socket', chatflowId: b.id });
    assert.equal(await chatflowOf(result.message.conversationId), b.id);
  } finally {
    visitor.close();
  }
});

test('the availability stream sends a config event when its chatflow is unpublished', async () => {
  const stream = await openSse(`${shared.cluster.url}/api/widget/availability?siteKey=${shared.cluster.siteKey}&chatflowId=${a.id}`);
  try {
    const current = (await shared.admin.http('GET', `/api/admin/chatflows/${a.id}`)).body.chatflow as Chatflow;
    await stream.waitFor((e) => e.event === 'config' && e.data.version === current.updatedAt);
    const unpublished = await updateChatflow(shared.admin.http, a.id, { published: false });
    const event = await stream.waitFor((e) => e.event === 'config' && e.data.version === unpublished.updatedAt);
    assert.deepEqual(event.data, { chatflowId: a.id, version: unpublished.updatedAt });
    assert.equal(await chosenFor('/pricing?plan=pro'), b.id, 'the loader asking again gets the next chatflow');
  } finally {
    stream.close();
    await updateChatflow(shared.admin.http, a.id, { published: true });
  }
});

test('visitor known/unknown: a visitor linked to a contact is known (bearer token)', async () => {
  const known = await createChatflow(shared.admin.http, {
    siteId,
    name: 'Known visitors',
    published: true,
    targeting: { groups: [[{ field: 'visitor', value: 'known' }]], exclusions: [] },
  });
  const order = (await shared.admin.http('GET', `/api/admin/chatflows?siteId=${siteId}`)).body.chatflows.map((c: Chatflow) => c.id).filter((id: number) => id !== known.id);
  await shared.admin.http('PUT', `/api/admin/sites/${siteId}/chatflow-order`, { chatflowIds: [known.id, ...order] });
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  try {
    const asVisitor = (token?: string) =>
      widgetConfigFor(shared.cluster.url, shared.cluster.siteKey, { url: page('/about') }, token ? { authorization: `Bearer ${token}` } : {});
    assert.equal((await asVisitor()).body.config.chatflowId, b.id, 'no token: unknown');
    assert.equal((await asVisitor(visitor.visitorToken)).body.config.chatflowId, b.id, 'no email yet: unknown');
    // An email the page set as a property is not a contact: still unknown.
    await visitor.rt.send('context.update', { properties: { email: 'ada@example.com' } });
    assert.equal((await asVisitor(visitor.visitorToken)).body.config.chatflowId, b.id, 'a property is not a contact');
    // A captured email links the visitor to a contact: known from the next page view on.
    const captured = await fetch(`${shared.cluster.url}/api/widget/email`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visitor.visitorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    assert.equal(captured.status, 204);
    assert.equal((await asVisitor(visitor.visitorToken)).body.config.chatflowId, known.id);
    assert.equal((await asVisitor('not-a-token')).body.config.chatflowId, b.id, 'an unknown token is just an unknown visitor');
  } finally {
    visitor.close();
    await shared.admin.http('DELETE', `/api/admin/chatflows/${known.id}`);
  }
});
