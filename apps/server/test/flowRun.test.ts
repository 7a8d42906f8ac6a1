/**
 * W8 running the flow (both drivers): a visitor answers a question, takes its branch, gives an
 * email and is handed off — routing offers the chat only then, and the agent sees the answers and
 * the contact; a restarted node continues mid-flow from the stored position; a capture is checked
 * on the server; the offline branch (nobody picks up within the wait time, or nobody is there)
 * makes exactly one contact and one lead even when the visitor submits twice at once; a chat
 * taken by hand during the flow is not handed off again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlowBranch } from '@parley/protocol';
import { demoSite, updateChatflow } from './helpers/chatflows.js';
import { connectAgent, connectVisitor, httpAs, type AgentClient } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { ManualClock } from './helpers/manualClock.js';
import { onlineAgent, pendingOffers, setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startCluster, startNode, type TestCluster } from './helpers/testServer.js';

const FLOW: FlowBranch = [
  { id: 'hello', type: 'message', text: 'Hi! Two quick questions first.' },
  {
    id: 'topic',
    type: 'question',
    text: 'What brings you here?',
    answers: [
      {
        label: 'Pricing',
        cards: [
          { id: 'details', type: 'capture', text: 'Where can we reach you?', fields: ['email', 'firstName'] },
          {
            id: 'sales',
            type: 'liveChat',
            onlineMessage: 'Connecting you with sales.',
            offlineMessage: 'Sales is away right now.',
            waitSeconds: 30,
            offline: [{ id: 'lead-details', type: 'capture', text: 'Leave your details and we will call you.', fields: ['email', 'phone', 'company'] }],
          },
        ],
      },
      { label: 'Support', cards: [{ id: 'docs', type: 'message', text: 'Our guides are at /help.' }] },
    ],
  },
];

async function useFlow(admin: AgentClient): Promise<void> {
  const site = await demoSite(admin.http);
  await updateChatflow(admin.http, site.chatflows[0]!.id, { flow: FLOW });
}

async function thread(cluster: TestCluster, conversationId: number) {
  return storage(cluster).selectFrom('messages').select(['author_kind', 'body', 'notice']).where('conversation_id', '=', conversationId).orderBy('seq').execute();
}

async function conversationRow(cluster: TestCluster, conversationId: number) {
  return storage(cluster).selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirstOrThrow();
}

test('question, branch, email, hand-off: routing offers the chat only at the live-chat card; a restart continues mid-flow', async () => {
  const clock = new ManualClock();
  const store = await freshStore();
  const cluster = await startCluster({ store, clock: clock.now });
  try {
    const firstAdmin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(firstAdmin);
    await useFlow(firstAdmin);
    firstAdmin.close();

    const visitor = await visitorWrites(cluster, 'Hello there');
    await settle(cluster);
    let row = await conversationRow(cluster, visitor.conversationId);
    assert.equal(row.routing_state, 'bot');
    assert.equal(row.flow_card_id, 'topic');
    assert.deepEqual(await pendingOffers(cluster), [], 'nobody is offered the chat while the flow runs');
    const lines = await thread(cluster, visitor.conversationId);
    // The welcome and the flow's opening come first, as the widget showed them before the visitor wrote.
    assert.deepEqual(lines.map((l) => [l.author_kind, l.body]), [
      ['bot', 'Hi! How can we help you today?'],
      ['bot', 'Hi! Two quick questions first.'],
      ['bot', 'What brings you here?'],
      ['visitor', 'Hello there'],
    ]);
    assert.deepEqual(JSON.parse(lines[2]!.notice!), { type: 'flowQuestion', cardId: 'topic', answers: ['Pricing', 'Support'] });

    // The visitor's thread shows the same (a reload reads it back).
    const seen = await visitor.http('GET', '/api/widget/conversation');
    assert.deepEqual(seen.body.messages.at(-2).notice, { type: 'flowQuestion', cardId: 'topic', answers: ['Pricing', 'Support'] });

    // Restart mid-flow: a new node on the same store continues at the stored card.
    await cluster.nodes[0]!.close();
    cluster.nodes[0] = await startNode(store, { clock: clock.now });
    const node = cluster.nodes[0]!;
    const http = httpAs(node.url, null, visitor.visitorToken);
    const admin = await connectAgent(node.url, node.wsUrl);
    const ann = await onlineAgent(cluster, admin, 'Ann');

    const wrongCard = await http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/answer`, { cardId: 'details', answerIndex: 0 });
    assert.equal(wrongCard.status, 409);
    assert.equal(wrongCard.body.error.code, 'flow_card_not_waiting');
    const noSuchAnswer = await http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 5 });
    assert.equal(noSuchAnswer.status, 400);

    const answered = await http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 0 });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.deepEqual(answered.body, { applied: true });
    const again = await http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 1 });
    assert.deepEqual(again.body, { applied: false }, 'a second answer to the same card changes nothing');
    await settle(cluster);
    row = await conversationRow(cluster, visitor.conversationId);
    assert.equal(row.flow_card_id, 'details');
    assert.deepEqual(JSON.parse(row.flow_answers), { topic: 'Pricing' });
    assert.equal(row.routing_state, 'bot');
    assert.deepEqual(await pendingOffers(cluster), []);

    // Someone else's visitor cannot answer for this chat.
    const stranger = await visitorWrites(cluster, 'Me too');
    const foreign = await stranger.http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/capture`, { cardId: 'details', fields: { email: 'x@example.com', firstName: 'X' } });
    assert.equal(foreign.status, 404);

    // Checked on the server: a bad email or a missing field changes nothing.
    const bad = await http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/capture`, { cardId: 'details', fields: { email: 'not an email', firstName: 'Maija' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
    const missing = await http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/capture`, { cardId: 'details', fields: { email: 'maija@example.com' } });
    assert.equal(missing.status, 400);
    assert.equal((await conversationRow(cluster, visitor.conversationId)).flow_card_id, 'details');

    const captured = await http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/capture`, { cardId: 'details', fields: { email: 'maija@example.com', firstName: 'Maija' } });
    assert.deepEqual(captured.body, { applied: true });
    await settle(cluster);
    row = await conversationRow(cluster, visitor.conversationId);
    assert.equal(row.flow_card_id, 'sales');
    const offers = await pendingOffers(cluster);
    assert.deepEqual(offers.map((o) => [o.conversation_id, o.user_id]), [[visitor.conversationId, ann.userId]], 'offered at the live-chat card');

    const accepted = await ann.http('POST', `/api/offers/${offers[0]!.id}/accept`);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const agentThread = await ann.http('GET', `/api/conversations/${visitor.conversationId}`);
    const bodies = agentThread.body.messages.map((m: any) => [m.author.kind, m.body]);
    assert.deepEqual(bodies.slice(0, 8), [
      ['bot', 'Hi! How can we help you today?'],
      ['bot', 'Hi! Two quick questions first.'],
      ['bot', 'What brings you here?'],
      ['visitor', 'Hello there'],
      ['visitor', 'Pricing'],
      ['bot', 'Where can we reach you?'],
      ['visitor', 'Email: maija@example.com\nFirst name: Maija'],
      ['bot', 'Connecting you with sales.'],
    ]);
    const contact = await ann.http('GET', `/api/conversations/${visitor.conversationId}/contact`);
    assert.equal(contact.body.contact.email, 'maija@example.com');
    assert.equal(contact.body.contact.firstName, 'Maija');

    // Picked up in time: the wait time passing does not run the offline branch.
    clock.advance(31_000);
    await settle(cluster);
    assert.equal((await thread(cluster, visitor.conversationId)).some((l) => l.body === 'Sales is away right now.'), false);
    for (const client of [admin, ann]) client.close();
  } finally {
    await cluster.close();
  }
});

test('nobody picks up within the wait time: the offline branch makes one contact and one lead, even on a double submit', async () => {
  const clock = new ManualClock();
  const cluster = await startCluster({ clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const ann = await onlineAgent(cluster, admin, 'Ann');
    await useFlow(admin);
    const visitor = await visitorWrites(cluster, 'Hi');
    const url = `/api/widget/conversations/${visitor.conversationId}/flow`;
    await visitor.http('POST', `${url}/answer`, { cardId: 'topic', answerIndex: 0 });
    await visitor.http('POST', `${url}/capture`, { cardId: 'details', fields: { email: 'liisa@example.com', firstName: 'Liisa' } });
    await settle(cluster);
    assert.equal((await pendingOffers(cluster)).length, 1, 'offered to Ann, who does not answer');

    clock.advance(30_000);
    await settle(cluster);
    const row = await conversationRow(cluster, visitor.conversationId);
    assert.equal(row.flow_card_id, 'lead-details');
    assert.equal(row.routing_state, 'missed');
    assert.deepEqual(await pendingOffers(cluster), [], 'the offer was withdrawn');
    const lines = await thread(cluster, visitor.conversationId);
    assert.deepEqual(lines.slice(-2).map((l) => l.body), ['Sales is away right now.', 'Leave your details and we will call you.']);

    const fields = { email: 'Liisa@Example.com', phone: '+358 40 123 4567', company: 'Liisan Leipomo' };
    const [first, second] = await Promise.all([visitor.http('POST', `${url}/capture`, { cardId: 'lead-details', fields }), visitor.http('POST', `${url}/capture`, { cardId: 'lead-details', fields })]);
    assert.deepEqual([first.status, second.status], [200, 200]);
    assert.deepEqual([first.body.applied, second.body.applied].sort(), [false, true]);
    await settle(cluster);

    const db = storage(cluster);
    const contacts = await db.selectFrom('contacts').selectAll().execute();
    assert.equal(contacts.length, 1, 'one contact (the email matched whatever its case)');
    assert.equal(contacts[0]!.phone, '+358 40 123 4567');
    assert.equal(contacts[0]!.organization_name, 'Liisan Leipomo');
    const leads = await db.selectFrom('leads').selectAll().execute();
    assert.equal(leads.length, 1, 'one lead');
    assert.equal(leads[0]!.conversation_id, visitor.conversationId);
    assert.equal(Number(leads[0]!.contact_id), Number(contacts[0]!.id));
    const after = await thread(cluster, visitor.conversationId);
    assert.equal(after.filter((l) => l.body === 'Lead created').length, 1);
    assert.equal(after.filter((l) => l.author_kind === 'visitor' && l.body.startsWith('Email:')).length, 2, 'one line per capture card');

    const listed = await admin.http('GET', '/api/leads');
    if (listed.status === 200) assert.equal(JSON.stringify(listed.body).includes('Liisa'), true, 'visible in Leads');
    for (const client of [admin, ann]) client.close();
  } finally {
    await cluster.close();
  }
});

test('everyone away at the live-chat card: the offline message and branch at once, no offer', async () => {
  const cluster = await startCluster();
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    await useFlow(admin);
    const visitor = await visitorWrites(cluster, 'Anyone?');
    const url = `/api/widget/conversations/${visitor.conversationId}/flow`;
    await visitor.http('POST', `${url}/answer`, { cardId: 'topic', answerIndex: 0 });
    await visitor.http('POST', `${url}/capture`, { cardId: 'details', fields: { email: 'olli@example.com', firstName: 'Olli' } });
    await settle(cluster);
    assert.deepEqual(await pendingOffers(cluster), []);
    const lines = await thread(cluster, visitor.conversationId);
    assert.deepEqual(lines.slice(-2).map((l) => l.body), ['Sales is away right now.', 'Leave your details and we will call you.']);
    assert.equal(lines.some((l) => l.body === 'Connecting you with sales.'), false);
    assert.equal((await conversationRow(cluster, visitor.conversationId)).flow_card_id, 'lead-details');

    // The other answer's branch has no live-chat card: after it the chat is routed as usual.
    const other = await visitorWrites(cluster, 'Help please');
    await other.http('POST', `/api/widget/conversations/${other.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 1 });
    await settle(cluster);
    const otherRow = await conversationRow(cluster, other.conversationId);
    assert.equal(otherRow.flow_card_id, null);
    assert.notEqual(otherRow.routing_state, 'bot');

    // The same commands over the visitor's socket: the Support branch ends without a live-chat card.
    const socketVisitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
    const started = await socketVisitor.rt.send('message.send', { clientMessageId: 's1', body: 'Over the socket' });
    const socketAnswer = { conversationId: started.message.conversationId, cardId: 'topic', answerIndex: 1 };
    assert.deepEqual(await socketVisitor.rt.send('flow.answer', socketAnswer), { applied: true });
    assert.deepEqual(await socketVisitor.rt.send('flow.answer', socketAnswer), { applied: false });
    await assert.rejects(socketVisitor.rt.send('flow.capture', { conversationId: started.message.conversationId, cardId: 'details', fields: {} }));
    await socketVisitor.log.waitForEvent('message.created', (d) => d.message.body === 'Our guides are at /help.');
    socketVisitor.close();

    // Taken by hand while the flow runs: the live-chat card finds the hand-off done, no offline branch.
    const taken = await visitorWrites(cluster, 'Quick one');
    const assigned = await admin.http('POST', `/api/conversations/${taken.conversationId}/assign`, { userId: admin.userId });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    await taken.http('POST', `/api/widget/conversations/${taken.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 0 });
    await taken.http('POST', `/api/widget/conversations/${taken.conversationId}/flow/capture`, { cardId: 'details', fields: { email: 'kim@example.com', firstName: 'Kim' } });
    await settle(cluster);
    const takenRow = await conversationRow(cluster, taken.conversationId);
    assert.deepEqual([takenRow.routing_state, takenRow.assignee_id, takenRow.flow_card_id], ['assigned', admin.userId, null]);
    assert.equal((await thread(cluster, taken.conversationId)).some((l) => l.body === 'Sales is away right now.'), false);
    admin.close();
  } finally {
    await cluster.close();
  }
});

test('custom routing rules match the flow answers: the chat goes to the user the rule names', async () => {
  const cluster = await startCluster();
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    await onlineAgent(cluster, admin, 'Ann');
    const bob = await onlineAgent(cluster, admin, 'Bob');
    const site = await demoSite(admin.http);
    const chatflow = site.chatflows[0]!;
    const rules = [{ conditions: [{ field: 'answer' as const, cardId: 'topic', value: 'pricing' }], target: { kind: 'user' as const, userId: bob.userId } }];
    await updateChatflow(admin.http, chatflow.id, { flow: FLOW, routing: { ...chatflow.routing, mode: 'custom_rules', rules } });
    const refused = await admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, { routing: { ...chatflow.routing, mode: 'custom_rules', rules: [{ ...rules[0]!, conditions: [{ field: 'answer', cardId: 'no spaces allowed', value: 'x' }] }] } });
    assert.equal(refused.status, 400);

    for (let i = 0; i < 2; i++) {
      const visitor = await visitorWrites(cluster, `Prices ${i}`);
      const url = `/api/widget/conversations/${visitor.conversationId}/flow`;
      await visitor.http('POST', `${url}/answer`, { cardId: 'topic', answerIndex: 0 });
      await visitor.http('POST', `${url}/capture`, { cardId: 'details', fields: { email: `buyer${i}@example.com`, firstName: 'Buyer' } });
      await settle(cluster);
      const offers = (await pendingOffers(cluster)).filter((o) => o.conversation_id === visitor.conversationId);
      assert.deepEqual(offers.map((o) => o.user_id), [bob.userId], 'the rule on the answer picks Bob every time');
    }
    admin.close();
  } finally {
    await cluster.close();
  }
});
