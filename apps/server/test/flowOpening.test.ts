/**
 * W8 (both drivers): every flow runs, not only one that asks something. A flow of message cards
 * and a live-chat card says its messages, hands off with the card's online message, and after
 * the card's wait time (or at once with everyone away) says the card's offline message instead
 * of the routing's fallback. The flow's opening is in the widget's config, is stored before the
 * visitor's first line, and a visitor can start the chat by picking an opening answer
 * (POST /api/widget/flow/start), refused like a first message and exactly once. The team hears
 * of a new chat at the hand-off, not while the bot talks. The wait time also bounds a wait in line
 * at capacity.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_NOTIFICATION_PREFERENCES, type FlowBranch } from '@parley/protocol';
import { demoSite, updateChatflow } from './helpers/chatflows.js';
import { connectAgent, createUserAs, createVisitorSession, httpAs, login, type AgentClient } from './helpers/clients.js';
import { startSmtpSink } from './helpers/smtpSink.js';
import { ManualClock } from './helpers/manualClock.js';
import { onlineAgent, pendingOffers, setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const WELCOME = 'Hi! How can we help you today?';

const MESSAGES_ONLY: FlowBranch = [
  { id: 'thanks', type: 'message', text: 'Thanks for stopping by.' },
  { id: 'hand-off', type: 'liveChat', onlineMessage: 'One moment, finding someone.', offlineMessage: 'Nobody is free now; we will email you.', waitSeconds: 30, offline: [] },
];

const ASKING: FlowBranch = [
  { id: 'hello', type: 'message', text: 'Hi! A quick question first.' },
  {
    id: 'topic',
    type: 'question',
    text: 'What brings you here?',
    answers: [
      { label: 'Sales', cards: [{ id: 'reach', type: 'capture', text: 'Where can we reach you?', fields: ['email'] }, MESSAGES_ONLY[1]!] },
      { label: 'Support', cards: [{ id: 'guides', type: 'message', text: 'Our guides are at /help.' }] },
    ],
  },
];

async function useFlow(admin: AgentClient, flow: FlowBranch, extra: Record<string, unknown> = {}): Promise<number> {
  const site = await demoSite(admin.http);
  const id = site.chatflows[0]!.id;
  await updateChatflow(admin.http, id, { flow, ...extra });
  return id;
}

async function lines(cluster: TestCluster, conversationId: number): Promise<Array<[string, string]>> {
  const rows = await storage(cluster).selectFrom('messages').select(['author_kind', 'body']).where('conversation_id', '=', conversationId).orderBy('seq').execute();
  return rows.map((row) => [row.author_kind, row.body]);
}

const routingState = async (cluster: TestCluster, id: number) =>
  (await storage(cluster).selectFrom('conversations').select('routing_state').where('id', '=', id).executeTakeFirstOrThrow()).routing_state;

test('a flow of messages runs: its lines, the online message and an offer; after the wait time the card\'s offline message, not the fallback', async () => {
  const clock = new ManualClock();
  const cluster = await startCluster({ clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const ann = await onlineAgent(cluster, admin, 'Ann');
    await useFlow(admin, MESSAGES_ONLY);
    const visitor = await visitorWrites(cluster, 'Hello');
    await settle(cluster);
    assert.deepEqual(await lines(cluster, visitor.conversationId), [
      ['bot', WELCOME],
      ['bot', 'Thanks for stopping by.'],
      ['visitor', 'Hello'],
      ['bot', 'One moment, finding someone.'],
    ]);
    assert.deepEqual((await pendingOffers(cluster)).map((o) => o.user_id), [ann.userId], 'handed off at the live-chat card');

    clock.advance(30_000);
    await settle(cluster);
    assert.deepEqual(await pendingOffers(cluster), [], 'the offer is withdrawn');
    assert.equal(await routingState(cluster, visitor.conversationId), 'missed');
    const after = await lines(cluster, visitor.conversationId);
    assert.deepEqual(after.slice(4), [['bot', 'Nobody is free now; we will email you.']]);
    const site = await demoSite(admin.http);
    assert.equal(after.some(([, body]) => body === site.chatflows[0]!.routing.fallbackMessage), false, 'the card\'s offline message replaces the routing fallback');
    for (const client of [admin, ann]) client.close();
  } finally {
    await cluster.close();
  }
});

test('everyone away: a flow of messages says the card\'s offline message at once, and no offer is made', async () => {
  const cluster = await startCluster();
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    await useFlow(admin, MESSAGES_ONLY);
    const visitor = await visitorWrites(cluster, 'Anyone?');
    await settle(cluster);
    assert.deepEqual((await lines(cluster, visitor.conversationId)).slice(2), [
      ['visitor', 'Anyone?'],
      ['bot', 'Nobody is free now; we will email you.'],
    ]);
    assert.deepEqual(await pendingOffers(cluster), []);
    assert.equal(await routingState(cluster, visitor.conversationId), 'missed');
    admin.close();
  } finally {
    await cluster.close();
  }
});

test('the wait time bounds a wait in line at capacity: queued chats get the offline message and leave the queue', async () => {
  const clock = new ManualClock();
  const cluster = await startCluster({ clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const ann = await onlineAgent(cluster, admin, 'Ann');
    await admin.http('PATCH', `/api/admin/users/${ann.userId}`, { maxChats: 1 });
    await useFlow(admin, MESSAGES_ONLY);
    const first = await visitorWrites(cluster, 'First in');
    await settle(cluster);
    const [offer] = await pendingOffers(cluster);
    assert.equal((await ann.http('POST', `/api/offers/${offer!.id}/accept`)).status, 200);
    const second = await visitorWrites(cluster, 'Second in');
    const third = await visitorWrites(cluster, 'Third in');
    await settle(cluster);
    const queue = () => storage(cluster).selectFrom('conversations').select(['id', 'routing_state', 'queue_position']).where('id', 'in', [second.conversationId, third.conversationId]).orderBy('id').execute();
    assert.deepEqual((await queue()).map((row) => row.routing_state), ['queued', 'queued']);

    clock.advance(30_000);
    await settle(cluster);
    assert.deepEqual((await queue()).map((row) => [row.routing_state, row.queue_position]), [['missed', null], ['missed', null]]);
    for (const waiting of [second, third]) assert.deepEqual((await lines(cluster, waiting.conversationId)).at(-1), ['bot', 'Nobody is free now; we will email you.']);
    // The chat Ann took is hers: its wait time passing changes nothing.
    const taken = await storage(cluster).selectFrom('conversations').select(['routing_state', 'assignee_id']).where('id', '=', first.conversationId).executeTakeFirstOrThrow();
    assert.deepEqual([taken.routing_state, taken.assignee_id], ['assigned', ann.userId]);
    for (const client of [admin, ann]) client.close();
  } finally {
    await cluster.close();
  }
});

test('the opening is in the config; picking an answer starts the chat once; typing first stores the opening before the line and waits at the question', async () => {
  const cluster = await startCluster();
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    await onlineAgent(cluster, admin, 'Ann');
    const chatflowId = await useFlow(admin, ASKING);

    const config = await fetch(`${cluster.url}/api/widget/config?siteKey=${cluster.siteKey}&url=${encodeURIComponent('https://shop.example/')}&device=desktop`);
    const { config: widgetConfig } = (await config.json()) as { config: { flowOpening: unknown } };
    assert.deepEqual(widgetConfig.flowOpening, { messages: ['Hi! A quick question first.'], question: { cardId: 'topic', text: 'What brings you here?', answers: ['Sales', 'Support'] } });

    const session = await createVisitorSession(cluster.url, cluster.siteKey);
    const http = httpAs(cluster.url, null, session.visitorToken);
    const wrongCard = await http('POST', '/api/widget/flow/start', { cardId: 'reach', answerIndex: 0, chatflowId });
    assert.equal(wrongCard.status, 409);
    assert.equal(wrongCard.body.error.code, 'flow_card_not_waiting');
    const noSuchAnswer = await http('POST', '/api/widget/flow/start', { cardId: 'topic', answerIndex: 7, chatflowId });
    assert.equal(noSuchAnswer.status, 400);
    const conversations = () => storage(cluster).selectFrom('conversations').select('id').where('visitor_id', '=', session.visitorId).execute();
    assert.deepEqual(await conversations(), [], 'a refused start stores nothing');

    const started = await http('POST', '/api/widget/flow/start', { cardId: 'topic', answerIndex: 0, chatflowId, clientMessageId: 'pick-1' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.message.body, 'Sales');
    assert.deepEqual(started.body.message.notice, { type: 'flowAnswer', cardId: 'topic', answerIndex: 0 });
    const conversationId = started.body.message.conversationId as number;
    const retried = await http('POST', '/api/widget/flow/start', { cardId: 'topic', answerIndex: 0, chatflowId, clientMessageId: 'pick-1' });
    assert.deepEqual([retried.status, retried.body.duplicate, retried.body.message.id], [200, true, started.body.message.id], 'a retry answers the first line');
    const secondTab = await http('POST', '/api/widget/flow/start', { cardId: 'topic', answerIndex: 1, chatflowId, clientMessageId: 'pick-2' });
    assert.equal(secondTab.status, 409, 'the chat started already: the other tab follows it');
    assert.equal((await conversations()).length, 1);
    await settle(cluster);
    assert.deepEqual(await lines(cluster, conversationId), [
      ['bot', WELCOME],
      ['bot', 'Hi! A quick question first.'],
      ['bot', 'What brings you here?'],
      ['visitor', 'Sales'],
      ['bot', 'Where can we reach you?'],
    ]);
    assert.deepEqual(await pendingOffers(cluster), [], 'still with the bot');

    // Typing instead of picking: the opening first, then the line; the question still waits.
    const typist = await visitorWrites(cluster, 'Just a question');
    assert.deepEqual((await lines(cluster, typist.conversationId)).map(([, body]) => body), [WELCOME, 'Hi! A quick question first.', 'What brings you here?', 'Just a question']);
    const row = await storage(cluster).selectFrom('conversations').select(['flow_card_id', 'routing_state']).where('id', '=', typist.conversationId).executeTakeFirstOrThrow();
    assert.deepEqual([row.flow_card_id, row.routing_state], ['topic', 'bot']);
    const startAgain = await typist.http('POST', '/api/widget/flow/start', { cardId: 'topic', answerIndex: 1, chatflowId });
    assert.equal(startAgain.status, 409, 'an open chat is answered in itself');
    const answered = await typist.http('POST', `/api/widget/conversations/${typist.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 1 });
    assert.deepEqual(answered.body, { applied: true });
    admin.close();
  } finally {
    await cluster.close();
  }
});

test('a start by answer is refused like a first message: explicit consent first', async () => {
  const cluster = await startCluster();
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    const chatflowId = await useFlow(admin, ASKING, { consent: { dataProcessing: { mode: 'explicit', text: 'We keep this chat to answer you.' } } });
    const session = await createVisitorSession(cluster.url, cluster.siteKey);
    const http = httpAs(cluster.url, null, session.visitorToken);
    const refused = await http('POST', '/api/widget/flow/start', { cardId: 'topic', answerIndex: 1, chatflowId });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'consent_required');
    const agreed = await http('POST', '/api/widget/consents', { chatflowId, kind: 'dataProcessing', granted: true });
    assert.ok(agreed.status < 300, JSON.stringify(agreed.body));
    const started = await http('POST', '/api/widget/flow/start', { cardId: 'topic', answerIndex: 1, chatflowId });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    admin.close();
  } finally {
    await cluster.close();
  }
});

test('the team hears of a new chat at the hand-off: no email and a bot state while the flow asks, the new-chat email after', async () => {
  const sink = await startSmtpSink();
  const cluster = await startCluster({ env: { SMTP_URL: sink.url, SMTP_FROM: 'Parley <chat@example.com>' } });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    // Opted in to new-chat emails and offline (no inbox open): the one the email goes to.
    const creds = await createUserAs(admin, { email: 'dan@example.com', name: 'Dan' });
    const dan = httpAs(cluster.url, (await login(cluster.url, creds.email, creds.password)).cookie);
    const prefs = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
    prefs.email.newConversation = true;
    assert.equal((await dan('PUT', '/api/me/notifications', prefs)).status, 200);
    await useFlow(admin, ASKING);

    const visitor = await visitorWrites(cluster, 'Do you ship to Finland?');
    const created = await admin.log.waitForEvent('conversation.created', (d) => d.conversation.id === visitor.conversationId);
    assert.equal(created.data.conversation.routingState, 'bot');
    await settle(cluster);
    assert.deepEqual(sink.messages.filter((m) => m.subject.startsWith('New chat from')), [], 'no email while the bot asks');

    await visitor.http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 0 });
    await visitor.http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/capture`, { cardId: 'reach', fields: { email: 'pia@example.com' } });
    const handedOff = await admin.log.waitForEvent('conversation.updated', (d) => d.conversation.id === visitor.conversationId && d.conversation.routingState !== 'bot');
    assert.notEqual(handedOff.data.conversation.routingState, 'bot');
    await settle(cluster);
    const mail = await sink.waitFor((m) => m.subject.startsWith('New chat from'));
    assert.deepEqual(mail.envelopeTo, [creds.email]);
    assert.ok(mail.text.includes(`/inbox/conversations/${visitor.conversationId}`));
    admin.close();
  } finally {
    await cluster.close();
    await sink.close();
  }
});
