/**
 * Internal notes (issue 12): users leave each other notes in a conversation. A note reaches the
 * other users live and in the thread, and never the visitor: not live, not in the resume replay,
 * not in a fresh snapshot, not in GET /api/widget/conversation. Visitors cannot write one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs, httpAs } from './helpers/clients.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const NOTE_SOCKET = 'note over the socket: refund approved';
const NOTE_HTTP = 'note over HTTP: VIP customer';

/** Messages written by the visitor or a user (not the welcome or "joined" lines). */
const said = (m: { author: { kind: string } }) => m.author.kind === 'visitor' || m.author.kind === 'user';

test('a note reaches users live and in the thread, and never the visitor (live, replay, snapshot, widget API)', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const cursorBeforeNotes = visitor.resumes[0]!.cursor;
  const first = await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: 'hello, anyone?' });
  const conversationId = first.message.conversationId;

  const writer = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'notes-writer@example.com', name: 'Writer' }));
  const colleague = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'notes-colleague@example.com', name: 'Colleague' }));

  // A note over the socket on an unassigned chat: every user sees it, the chat stays unassigned.
  const sent = await writer.rt.send('message.send', { conversationId, clientMessageId: 'n-1', body: NOTE_SOCKET, internal: true });
  assert.equal(sent.message.internal, true);
  assert.equal(sent.message.author.kind, 'user');
  for (const [who, client] of [['colleague', colleague], ['admin', admin]] as const) {
    const event = await client.log.waitForEvent('message.created', (d) => d.message.body === NOTE_SOCKET);
    assert.equal(event.data.message.internal, true, `${who} gets it marked as a note`);
  }

  // A note over HTTP (the admin's), with the same flag.
  const viaHttp = await admin.http('POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: 'n-2', body: NOTE_HTTP, internal: true });
  assert.equal(viaHttp.status, 201);
  assert.equal(viaHttp.body.message.internal, true);
  await colleague.log.waitForEvent('message.created', (d) => d.message.body === NOTE_HTTP);

  let thread = await admin.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(thread.body.conversation.assignee, null, 'a note does not take the chat');
  assert.equal(thread.body.conversation.firstAgentReplyAt, null, 'a note is not the first reply');

  // Then a normal reply: once the visitor has it, anything sent before it would have arrived too.
  const reply = await writer.rt.send('message.send', { conversationId, clientMessageId: 'r-1', body: 'Hi, how can I help?' });
  assert.equal(reply.message.internal, false);
  await visitor.log.waitForEvent('message.created', (d) => d.message.body === 'Hi, how can I help?');
  const visitorBodies = visitor.log.events.filter((e) => e.name === 'message.created' && said(e.data.message)).map((e) => e.data.message.body);
  assert.deepEqual(visitorBodies, ['hello, anyone?', 'Hi, how can I help?'], 'the visitor got no note live');
  assert.ok(!JSON.stringify(visitor.log.events).includes('note over'), 'no frame to the visitor carries a note');

  thread = await admin.http('GET', `/api/conversations/${conversationId}`);
  assert.deepEqual(
    thread.body.messages.filter(said).map((m: any) => [m.body, m.internal]),
    [['hello, anyone?', false], [NOTE_SOCKET, true], [NOTE_HTTP, true], ['Hi, how can I help?', false]],
    'the thread has both notes, flagged, in order',
  );
  assert.equal(typeof thread.body.conversation.firstAgentReplyAt, 'number', 'the reply is the first reply');

  // Resume replay from before the notes: the replay ends with the reply, without the notes.
  const replay = await openRawSocket(cluster.wsUrl);
  const resumed = await replay.command('session.resume', { visitorToken: visitor.visitorToken, lastEventId: cursorBeforeNotes });
  assert.equal(resumed.ok, true);
  await replay.next((f) => f.t === 'event' && f.name === 'message.created' && f.data.message.body === 'Hi, how can I help?');
  const replayed = JSON.stringify(replay.frames);
  assert.ok(replayed.includes('hello, anyone?'), 'the replay has the visitor message');
  assert.ok(!replayed.includes('note over'), 'the replay has no note');
  replay.ws.close();

  // A fresh snapshot and the widget API: the thread without the notes.
  const fresh = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, visitor);
  assert.deepEqual(fresh.resumes[0]!.snapshot!.messages.filter(said).map((m) => m.body), ['hello, anyone?', 'Hi, how can I help?']);
  fresh.close();
  const widget = await httpAs(cluster.url, null, visitor.visitorToken)('GET', '/api/widget/conversation');
  assert.equal(widget.status, 200);
  assert.deepEqual(widget.body.messages.filter(said).map((m: any) => m.body), ['hello, anyone?', 'Hi, how can I help?']);
  assert.ok(widget.body.messages.every((m: any) => m.internal === false));

  visitor.close();
  writer.close();
  colleague.close();
});

test('a visitor cannot write a note: the socket ignores the flag, the widget API refuses it', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'sneaky-1', body: 'am I a note?', internal: true });
  assert.equal(sent.message.internal, false);
  assert.equal(sent.message.author.kind, 'visitor');
  await admin.log.waitForEvent('message.created', (d) => d.message.body === 'am I a note?' && d.message.internal === false);

  const widgetHttp = httpAs(cluster.url, null, visitor.visitorToken);
  const refused = await widgetHttp('POST', '/api/widget/messages', { clientMessageId: 'sneaky-2', body: 'and me?', internal: true });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.code, 'validation_failed');

  const thread = await admin.http('GET', `/api/conversations/${sent.message.conversationId}`);
  const stored = thread.body.messages.filter((m: any) => m.author.kind === 'visitor');
  assert.deepEqual(stored.map((m: any) => [m.body, m.internal]), [['am I a note?', false]], 'stored once, not as a note; the refused one not at all');
  const own = await widgetHttp('GET', '/api/widget/conversation');
  assert.ok(own.body.messages.some((m: any) => m.body === 'am I a note?'), 'the visitor still sees its own message');
  visitor.close();
});
