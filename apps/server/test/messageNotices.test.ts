/**
 * System lines carry a notice (W16): what the line means as data, so the widget words it in the
 * chatflow's language while the body stays the English line for the inbox, the API and emails.
 * The notice reaches the visitor live, in a resume replay and over HTTP; under the agent alias
 * (W2) its name is the brand's. A new chatflow's fallback message is in its language.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultChatflowTexts } from '@parley/chatflow';
import type { Chatflow } from '@parley/protocol';
import { createChatflow, demoSite, updateChatflow } from './helpers/chatflows.js';
import { connectVisitor, httpAs, type VisitorClient } from './helpers/clients.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();
const BRAND = 'Tuki Oy';

let finnish: Chatflow;
let adminName: string;

async function startChat(clientMessageId: string): Promise<{ visitor: VisitorClient; conversationId: number }> {
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId, body: 'Hei, onko ketään paikalla?', chatflowId: finnish.id });
  return { visitor, conversationId: sent.message.conversationId };
}

test('a new chatflow: the fallback message of its language; routing given in the request is kept', async () => {
  const site = await demoSite(shared.admin.http);
  finnish = await createChatflow(shared.admin.http, { siteId: site.id, name: 'Suomeksi', language: 'fi', published: true, priority: 0 });
  assert.equal(finnish.routing.fallbackMessage, defaultChatflowTexts('fi').fallbackMessage);
  assert.notEqual(finnish.routing.fallbackMessage, defaultChatflowTexts('en').fallbackMessage);
  assert.equal('fallbackMessage' in finnish.settings, false, 'the widget settings do not take the routing text');

  const english = await createChatflow(shared.admin.http, { siteId: site.id, name: 'English', language: 'en' });
  assert.equal(english.routing.fallbackMessage, defaultChatflowTexts('en').fallbackMessage);

  const own = await createChatflow(shared.admin.http, {
    siteId: site.id,
    name: 'Own routing',
    language: 'sv',
    routing: { ...english.routing, fallbackMessage: 'Skrivet av oss' },
  });
  assert.equal(own.routing.fallbackMessage, 'Skrivet av oss');

  // Changing the language keeps texts the admin may have edited.
  const switched = await updateChatflow(shared.admin.http, english.id, { language: 'de' });
  assert.equal(switched.routing.fallbackMessage, defaultChatflowTexts('en').fallbackMessage);
  adminName = (await shared.admin.http('GET', '/api/me')).body.user.name;
  assert.ok(adminName);
});

test('an agent takes the chat: the visitor gets the joined notice live, on resume and over HTTP; ending it says the visitor ended it', async () => {
  const { visitor, conversationId } = await startChat('v1');
  try {
    const assigned = await shared.admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId: shared.admin.userId });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));

    const live = await visitor.log.waitForEvent('message.created', (d) => d.message.author.kind === 'system');
    assert.deepEqual(live.data.message.notice, { type: 'joined', name: adminName });
    assert.equal(live.data.message.body, `${adminName} joined the chat`, 'the body stays the English line');

    // The inbox: the same notice, live and in the thread.
    const inboxLive = await shared.admin.log.waitForEvent('message.created', (d) => d.message.conversationId === conversationId && d.message.author.kind === 'system');
    assert.deepEqual(inboxLive.data.message.notice, { type: 'joined', name: adminName });
    const thread = await shared.admin.http('GET', `/api/conversations/${conversationId}`);
    const threadLines = thread.body.messages.map((m: any) => [m.author.kind, m.notice]);
    assert.deepEqual(threadLines, [
      ['bot', null],
      ['visitor', null],
      ['bot', null],
      ['system', { type: 'joined', name: adminName }],
    ]);

    // A resume replay from the start of the feed.
    const raw = await openRawSocket(shared.cluster.wsUrl);
    try {
      const ack = await raw.command('session.resume', { visitorToken: visitor.visitorToken, lastEventId: 0 });
      assert.equal(ack.ok, true, JSON.stringify(ack));
      const replayed = raw.frames.filter((f) => f.t === 'event' && f.name === 'message.created' && f.data.message.author.kind === 'system');
      assert.deepEqual(
        replayed.map((f) => f.data.message.notice),
        [{ type: 'joined', name: adminName }],
      );
    } finally {
      raw.ws.close();
    }

    // A fresh socket's snapshot, and the widget's GET.
    const again = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey, visitor);
    assert.deepEqual(again.resumes[0]!.snapshot!.messages.find((m) => m.author.kind === 'system')?.notice, { type: 'joined', name: adminName });
    again.close();
    const fromHttp = await httpAs(shared.cluster.url, null, visitor.visitorToken)('GET', '/api/widget/conversation');
    assert.equal(fromHttp.status, 200);
    assert.deepEqual(fromHttp.body.messages.find((m: any) => m.author.kind === 'system').notice, { type: 'joined', name: adminName });

    await visitor.rt.send('conversation.end', { conversationId });
    const ended = await visitor.log.waitForEvent('message.created', (d) => d.message.notice?.type === 'visitorEnded');
    assert.deepEqual(ended.data.message.notice, { type: 'visitorEnded' });
    assert.equal(ended.data.message.body, 'The visitor ended the chat');
  } finally {
    visitor.close();
  }
});

test('with the alias on, the visitor gets the brand as the notice name; the inbox the agent', async () => {
  await updateChatflow(shared.admin.http, finnish.id, { settings: { brandAsAgentAlias: true, headingName: BRAND } });
  const { visitor, conversationId } = await startChat('v2');
  try {
    const assigned = await shared.admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId: shared.admin.userId });
    assert.equal(assigned.status, 200);
    const joined = await visitor.log.waitForEvent('message.created', (d) => d.message.notice?.type === 'joined');
    assert.deepEqual(joined.data.message.notice, { type: 'joined', name: BRAND });
    assert.equal(joined.data.message.body, `${BRAND} joined the chat`);

    const closed = await shared.admin.http('POST', `/api/conversations/${conversationId}/close`);
    assert.equal(closed.status, 200);
    const closing = await visitor.log.waitForEvent('message.created', (d) => d.message.notice?.type === 'agentClosed');
    assert.deepEqual(closing.data.message.notice, { type: 'agentClosed', name: BRAND });
    assert.equal(closing.data.message.body, `${BRAND} closed the chat`);
    assert.equal(visitor.log.events.some((e) => JSON.stringify(e.data).includes(adminName)), false, 'no frame to the visitor names the agent');

    // A replay and the HTTP thread are aliased from the stored notice too.
    const raw = await openRawSocket(shared.cluster.wsUrl);
    try {
      await raw.command('session.resume', { visitorToken: visitor.visitorToken, lastEventId: 0 });
      const notices = raw.frames.filter((f) => f.t === 'event' && f.name === 'message.created' && f.data.message.notice).map((f) => f.data.message.notice);
      assert.deepEqual(notices, [
        { type: 'joined', name: BRAND },
        { type: 'agentClosed', name: BRAND },
      ]);
    } finally {
      raw.ws.close();
    }
    const fromHttp = await httpAs(shared.cluster.url, null, visitor.visitorToken)('GET', '/api/widget/conversation');
    assert.deepEqual(
      fromHttp.body.messages.filter((m: any) => m.notice).map((m: any) => m.notice),
      [
        { type: 'joined', name: BRAND },
        { type: 'agentClosed', name: BRAND },
      ],
    );

    const thread = await shared.admin.http('GET', `/api/conversations/${conversationId}`);
    assert.deepEqual(
      thread.body.messages.filter((m: any) => m.notice).map((m: any) => m.notice),
      [
        { type: 'joined', name: adminName },
        { type: 'agentClosed', name: adminName },
      ],
    );
  } finally {
    visitor.close();
  }
});
