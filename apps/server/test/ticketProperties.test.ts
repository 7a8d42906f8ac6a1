/**
 * Ticket properties (issue 12): admins define custom properties for the workspace, a chatflow
 * gives new conversations their starting priority, category and custom values, and users who may
 * act on a chat change them; other inboxes get the change live. These are team-only fields: the
 * visitor never receives them, live, on resume, in a snapshot or from the widget API. Bad input
 * is refused with a stable code and nothing changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs, httpAs, type AgentClient } from './helpers/clients.js';
import { demoSite, updateChatflow, widgetConfigFor } from './helpers/chatflows.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { settle, storage } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const DEFINITIONS = [
  { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'] },
  { key: 'order', label: 'Order number', type: 'text', options: [] },
];

/** Strings that only ever appear in ticket properties in this file. */
const SECRET_BITS = ['"priority"', 'Billing-dept', 'Refund-dept', 'A-1001', 'properties_changed', 'ticket_properties'];

async function conversationRow(id: number) {
  return storage(shared.cluster).selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

let agentCount = 0;
async function newAgent(admin: AgentClient): Promise<AgentClient> {
  agentCount++;
  const creds = await createUserAs(admin, { email: `ticket-agent-${agentCount}@example.com`, name: `Ticket Agent ${agentCount}` });
  return connectAgent(shared.cluster.url, shared.cluster.wsUrl, creds);
}

test('definitions and chatflow defaults: a new conversation starts with its chatflow\'s values', async () => {
  const { cluster, admin } = shared;
  const put = await admin.http('PUT', '/api/admin/ticket-properties', { definitions: [{ ...DEFINITIONS[0], label: '  Plan  ', options: [' Free ', 'Pro'] }, DEFINITIONS[1]] });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.deepEqual(put.body.definitions, DEFINITIONS, 'labels and options are trimmed');
  const announced = await admin.log.waitForEvent('ticket_properties.updated', (d) => d.definitions.length === 2);
  assert.deepEqual(announced.data.definitions, DEFINITIONS, 'open inboxes get the new definitions live');

  const agent = await newAgent(admin);
  assert.deepEqual((await agent.http('GET', '/api/admin/ticket-properties')).body.definitions, DEFINITIONS, 'every user reads them');

  const site = await demoSite(admin.http);
  const flow = site.chatflows[0]!;
  assert.deepEqual(flow.ticketDefaults, { priority: 'normal', category: null, properties: {} }, 'a chatflow starts with plain defaults');
  const updated = await updateChatflow(admin.http, flow.id, { ticketDefaults: { priority: 'high', category: ' Billing-dept ', properties: { plan: 'Pro' } } });
  assert.deepEqual(updated.ticketDefaults, { priority: 'high', category: 'Billing-dept', properties: { plan: 'Pro' } });
  const config = await widgetConfigFor(cluster.url, cluster.siteKey, {});
  assert.equal(config.status, 200);
  assert.ok(!JSON.stringify(config.body).includes('Billing-dept'), 'the widget config carries no ticket defaults');

  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'tp-1', body: 'My invoice is wrong' });
  const id = sent.message.conversationId;
  const created = await agent.log.waitForEvent('conversation.created', (d) => d.conversation.id === id);
  assert.deepEqual([created.data.conversation.priority, created.data.conversation.category, created.data.conversation.properties], ['high', 'Billing-dept', { plan: 'Pro' }]);
  const thread = await agent.http('GET', `/api/conversations/${id}`);
  assert.equal(thread.body.conversation.priority, 'high');
  assert.equal(thread.body.conversation.category, 'Billing-dept');

  // A definition removed (or its options changed) since the defaults were saved: that value is dropped.
  assert.equal((await admin.http('PUT', '/api/admin/ticket-properties', { definitions: [{ ...DEFINITIONS[0], options: ['Free', 'Enterprise'] }, DEFINITIONS[1]] })).status, 200);
  await agent.log.waitForEvent('ticket_properties.updated', (d) => d.definitions[0].options.includes('Enterprise'));
  const later = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const laterId = (await later.rt.send('message.send', { clientMessageId: 'tp-2', body: 'Hello again' })).message.conversationId;
  const laterRow = await conversationRow(laterId);
  assert.deepEqual([laterRow.priority, laterRow.category, JSON.parse(laterRow.properties)], ['high', 'Billing-dept', {}]);
  assert.equal((await admin.http('PUT', '/api/admin/ticket-properties', { definitions: DEFINITIONS })).status, 200);
  await updateChatflow(admin.http, flow.id, { ticketDefaults: { priority: 'normal', category: null, properties: {} } });
  visitor.close();
  later.close();
  agent.close();
});

test('a user sets properties; other inboxes see it live; the visitor never receives them (live, replay, snapshot, widget API)', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const cursorBefore = visitor.resumes[0]!.cursor;
  const id = (await visitor.rt.send('message.send', { clientMessageId: 'tp-live-1', body: 'Where is my refund?' })).message.conversationId;
  const writer = await newAgent(admin);
  const watcher = await newAgent(admin);
  const before = await conversationRow(id);
  assert.equal(before.priority, 'normal', 'the column default');

  const res = await writer.http('PATCH', `/api/conversations/${id}/properties`, { priority: 'urgent', category: 'Refund-dept', properties: { order: ' A-1001 ', plan: 'Pro' } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual([res.body.conversation.priority, res.body.conversation.category, res.body.conversation.properties], ['urgent', 'Refund-dept', { order: 'A-1001', plan: 'Pro' }]);
  assert.equal(res.body.conversation.updatedAt, before.updated_at, 'not activity: the list order stays');
  for (const client of [watcher, admin]) {
    const event = await client.log.waitForEvent('conversation.properties_changed', (d) => d.conversation.id === id && d.conversation.priority === 'urgent');
    assert.equal(event.data.conversation.category, 'Refund-dept');
    assert.deepEqual(event.data.conversation.properties, { order: 'A-1001', plan: 'Pro' });
  }

  // Only what is given changes; null and blank clear.
  const partial = await watcher.http('PATCH', `/api/conversations/${id}/properties`, { properties: { plan: null, order: '  ' } });
  assert.equal(partial.status, 200);
  assert.deepEqual([partial.body.conversation.priority, partial.body.conversation.category, partial.body.conversation.properties], ['urgent', 'Refund-dept', {}]);
  const cleared = await watcher.http('PATCH', `/api/conversations/${id}/properties`, { category: '   ', properties: { order: 'A-1001' } });
  assert.deepEqual([cleared.body.conversation.category, cleared.body.conversation.properties], [null, { order: 'A-1001' }]);
  assert.equal((await writer.http('PATCH', `/api/conversations/${id}/properties`, { category: 'Refund-dept' })).status, 200);
  // Definitions saved meanwhile are announced to users only, too.
  assert.equal((await admin.http('PUT', '/api/admin/ticket-properties', { definitions: DEFINITIONS })).status, 200);
  await watcher.log.waitForEvent('ticket_properties.updated');

  // Then a reply: once the visitor has it, anything sent to it before would have arrived too.
  await writer.rt.send('message.send', { conversationId: id, clientMessageId: 'tp-reply', body: 'Looking into it' });
  await visitor.log.waitForEvent('message.created', (d) => d.message.body === 'Looking into it');
  const live = JSON.stringify(visitor.log.events);
  for (const bit of SECRET_BITS) assert.ok(!live.includes(bit), `no live visitor frame carries ${bit}`);

  const replay = await openRawSocket(cluster.wsUrl);
  assert.equal((await replay.command('session.resume', { visitorToken: visitor.visitorToken, lastEventId: cursorBefore })).ok, true);
  await replay.next((f) => f.t === 'event' && f.name === 'message.created' && f.data.message.body === 'Looking into it');
  const replayed = JSON.stringify(replay.frames);
  assert.ok(replayed.includes('Where is my refund?'), 'the replay has the thread');
  for (const bit of SECRET_BITS) assert.ok(!replayed.includes(bit), `the replay carries no ${bit}`);
  replay.ws.close();

  const fresh = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, visitor);
  const snapshot = JSON.stringify(fresh.resumes[0]!.snapshot);
  assert.ok(snapshot.includes('Looking into it'));
  for (const bit of SECRET_BITS) assert.ok(!snapshot.includes(bit), `the snapshot carries no ${bit}`);
  fresh.close();
  const widget = await httpAs(cluster.url, null, visitor.visitorToken)('GET', '/api/widget/conversation');
  assert.equal(widget.status, 200);
  for (const bit of SECRET_BITS) assert.ok(!JSON.stringify(widget.body).includes(bit), `the widget API carries no ${bit}`);

  // A visitor cannot set them either.
  assert.equal((await httpAs(cluster.url, null, visitor.visitorToken)('PATCH', `/api/conversations/${id}/properties`, { priority: 'low' })).status, 401);
  assert.equal((await conversationRow(id)).priority, 'urgent');
  visitor.close();
  writer.close();
  watcher.close();
});

test('bad input is refused with a stable code and nothing changed', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const id = (await visitor.rt.send('message.send', { clientMessageId: 'tp-bad-1', body: 'Hi' })).message.conversationId;
  await settle(cluster); // routing done, so only a change of ours could move the version
  assert.equal((await admin.http('PATCH', `/api/conversations/${id}/properties`, { priority: 'high', category: 'Sales', properties: { plan: 'Free' } })).status, 200);
  const before = await conversationRow(id);

  const cases: Array<[unknown, string]> = [
    [{ priority: 'critical' }, 'validation_failed'],
    [{ priority: 2 }, 'validation_failed'],
    [{}, 'validation_failed'],
    [{ priority: 'low', extra: true }, 'validation_failed'],
    [{ category: 'x'.repeat(81) }, 'validation_failed'],
    [{ category: 7 }, 'validation_failed'],
    [{ properties: { 'Bad Key': 'x' } }, 'validation_failed'],
    [{ properties: { order: 5 } }, 'validation_failed'],
    [{ properties: { order: 'x'.repeat(201) } }, 'validation_failed'],
    [{ properties: { nope: 'x' } }, 'unknown_ticket_property'],
    [{ properties: { plan: 'Enterprise' } }, 'invalid_ticket_property_value'],
    // One bad part refuses the whole change: the good priority is not written either.
    [{ priority: 'low', category: 'Other', properties: { order: 'ok', plan: 'Gold' } }, 'invalid_ticket_property_value'],
  ];
  for (const [body, code] of cases) {
    const res = await admin.http('PATCH', `/api/conversations/${id}/properties`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, code, JSON.stringify(body));
  }
  const after = await conversationRow(id);
  assert.deepEqual([after.version, after.priority, after.category, after.properties], [before.version, 'high', 'Sales', before.properties]);

  // Definitions: the whole list or nothing.
  const badDefinitions: Array<[unknown, string]> = [
    [{ definitions: [DEFINITIONS[1], DEFINITIONS[1]] }, 'invalid_ticket_property_definitions'],
    [{ definitions: [{ key: 'tier', label: 'Tier', type: 'select', options: [] }] }, 'invalid_ticket_property_definitions'],
    [{ definitions: [{ key: 'tier', label: 'Tier', type: 'select', options: ['A', ' A'] }] }, 'invalid_ticket_property_definitions'],
    [{ definitions: [{ key: 'note', label: 'Note', type: 'text', options: ['x'] }] }, 'invalid_ticket_property_definitions'],
    [{ definitions: [{ key: 'note', label: '   ', type: 'text', options: [] }] }, 'invalid_ticket_property_definitions'],
    [{ definitions: [{ key: 'Note', label: 'Note', type: 'text', options: [] }] }, 'validation_failed'],
    [{ definitions: [{ key: 'note', label: 'Note', type: 'date', options: [] }] }, 'validation_failed'],
    [{ definitions: 'none' }, 'validation_failed'],
  ];
  for (const [body, code] of badDefinitions) {
    const res = await admin.http('PUT', '/api/admin/ticket-properties', body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, code, JSON.stringify(body));
  }
  assert.deepEqual((await admin.http('GET', '/api/admin/ticket-properties')).body.definitions, DEFINITIONS);

  // Chatflow defaults go through the same checks.
  const flow = (await demoSite(admin.http)).chatflows[0]!;
  const badDefaults: Array<[unknown, string]> = [
    [{ priority: 'high', category: null, properties: { nope: 'x' } }, 'unknown_ticket_property'],
    [{ priority: 'high', category: null, properties: { plan: 'Gold' } }, 'invalid_ticket_property_value'],
    [{ priority: 'soon', category: null, properties: {} }, 'validation_failed'],
    [{ priority: 'high' }, 'validation_failed'],
  ];
  for (const [ticketDefaults, code] of badDefaults) {
    const res = await admin.http('PATCH', `/api/admin/chatflows/${flow.id}`, { ticketDefaults });
    assert.equal(res.status, 400, JSON.stringify(ticketDefaults));
    assert.equal(res.body.error.code, code, JSON.stringify(ticketDefaults));
  }
  assert.deepEqual((await admin.http('GET', `/api/admin/chatflows/${flow.id}`)).body.chatflow.ticketDefaults, { priority: 'normal', category: null, properties: {} });
  visitor.close();
});

test('only users who may act on the chat set its properties; only admins define them', async () => {
  const { cluster, admin } = shared;
  const agent = await newAgent(admin);
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const id = (await visitor.rt.send('message.send', { clientMessageId: 'tp-auth-1', body: 'Hi' })).message.conversationId;

  // Assigned to the admin: the agent may not open it, so may not change it.
  assert.equal((await admin.http('POST', `/api/conversations/${id}/assign`, { userId: admin.userId })).status, 200);
  await settle(cluster);
  const assigned = await conversationRow(id);
  const refused = await agent.http('PATCH', `/api/conversations/${id}/properties`, { priority: 'urgent' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'forbidden');
  assert.equal((await agent.http('PATCH', '/api/conversations/999999/properties', { priority: 'urgent' })).status, 404);
  const noSession = await httpAs(cluster.url, null)('PATCH', `/api/conversations/${id}/properties`, { priority: 'urgent' });
  assert.equal(noSession.status, 401);
  const unchanged = await conversationRow(id);
  assert.deepEqual([unchanged.version, unchanged.priority], [assigned.version, 'normal']);

  // The assignee may; a closed chat is final.
  assert.equal((await admin.http('PATCH', `/api/conversations/${id}/properties`, { priority: 'low' })).status, 200);
  assert.equal((await admin.http('POST', `/api/conversations/${id}/close`)).status, 200);
  const closed = await admin.http('PATCH', `/api/conversations/${id}/properties`, { priority: 'high' });
  assert.equal(closed.status, 409);
  assert.equal(closed.body.error.code, 'conversation_closed');
  assert.equal((await conversationRow(id)).priority, 'low');

  // Agents read the definitions but may not replace them.
  const put = await agent.http('PUT', '/api/admin/ticket-properties', { definitions: [] });
  assert.equal(put.status, 403);
  assert.deepEqual((await admin.http('GET', '/api/admin/ticket-properties')).body.definitions, DEFINITIONS);
  assert.equal((await httpAs(cluster.url, null)('GET', '/api/admin/ticket-properties')).status, 401);
  visitor.close();
  agent.close();
});

test('the routes are in the OpenAPI document', async () => {
  const res = await fetch(`${shared.cluster.url}/api/openapi.json`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  assert.ok(doc.paths['/api/conversations/{id}/properties']?.patch);
  assert.ok(doc.paths['/api/admin/ticket-properties']?.get);
  assert.ok(doc.paths['/api/admin/ticket-properties']?.put);
});

test('the conversation list filters by category, page by page', async () => {
  const { cluster, admin } = shared;
  const ids: number[] = [];
  for (const [i, category] of ['Shipping-dept', 'Shipping-dept', 'Returns-dept'].entries()) {
    const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
    const id = (await visitor.rt.send('message.send', { clientMessageId: `tp-list-${i}`, body: 'Where is it?' })).message.conversationId;
    assert.equal((await admin.http('PATCH', `/api/conversations/${id}/properties`, { category })).status, 200);
    ids.push(id);
    visitor.close();
  }
  const shipping = await admin.http('GET', `/api/conversations?view=all&category=${encodeURIComponent(' Shipping-dept ')}`);
  assert.equal(shipping.status, 200);
  assert.deepEqual(shipping.body.conversations.map((c: { id: number }) => c.id).sort(), [ids[0], ids[1]].sort());
  assert.ok(shipping.body.conversations.every((c: { category: string }) => c.category === 'Shipping-dept'));

  // One row a page: the cursor carries the filter, and does not fit another category.
  const first = await admin.http('GET', '/api/conversations?view=all&category=Shipping-dept&limit=1');
  assert.equal(first.body.conversations.length, 1);
  const second = await admin.http('GET', `/api/conversations?view=all&category=Shipping-dept&limit=1&cursor=${first.body.nextCursor}`);
  assert.deepEqual([...first.body.conversations, ...second.body.conversations].map((c: { id: number }) => c.id).sort(), [ids[0], ids[1]].sort());
  const mismatched = await admin.http('GET', `/api/conversations?view=all&category=Returns-dept&limit=1&cursor=${first.body.nextCursor}`);
  assert.equal(mismatched.status, 400);
  assert.equal(mismatched.body.error.code, 'invalid_cursor');

  for (const bad of ['%20%20', 'x'.repeat(81), '']) {
    const res = await admin.http('GET', `/api/conversations?view=all&category=${bad}`);
    assert.equal(res.status, 400, bad);
    assert.equal(res.body.error.code, 'validation_failed', bad);
  }
});
