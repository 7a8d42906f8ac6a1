/**
 * "Use the custom branding as an alias for agents" (W2): with the option on, everything the
 * visitor receives about agents — over the socket, over HTTP, in a resume replay — carries the
 * brand's name and image, while the inbox keeps real names. Turned off, later presentations show
 * the real name again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs, httpAs, type AgentClient } from './helpers/clients.js';
import { IMAGES } from './helpers/brandingImages.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();
const BRAND = 'Acme Help';

async function siteChatflowId(admin: AgentClient): Promise<number> {
  const res = await admin.http('GET', '/api/admin/chatflows');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.chatflows[0].id;
}

async function setAlias(admin: AgentClient, chatflowId: number, settings: Record<string, unknown>): Promise<void> {
  const res = await admin.http('PATCH', `/api/admin/chatflows/${chatflowId}`, { settings });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

async function uploadBrandImage(admin: AgentClient): Promise<string> {
  const res = await fetch(`${shared.cluster.url}/api/admin/uploads`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'image/png' }, body: IMAGES['image/png'] });
  assert.equal(res.status, 201);
  return ((await res.json()) as { file: { url: string } }).file.url;
}

test('alias on: the visitor sees the brand for agent messages, the assignee, typing and the joined line; the inbox sees the agent', async () => {
  const chatflowId = await siteChatflowId(shared.admin);
  const brandImage = await uploadBrandImage(shared.admin);
  await setAlias(shared.admin, chatflowId, { brandAsAgentAlias: true, headingName: BRAND, headingAvatarUrl: brandImage });

  const creds = await createUserAs(shared.admin, { email: 'alice@example.com', name: 'Alice Agent' });
  const alice = await connectAgent(shared.cluster.url, shared.cluster.wsUrl, creds);
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'v1', body: 'Hello?' });
  const conversationId = sent.message.conversationId;

  await alice.rt.send('conversation.assign', { conversationId, userId: alice.userId });
  const assigned = await visitor.log.waitForEvent('conversation.assigned');
  assert.deepEqual(assigned.data.conversation.assignee, { id: alice.userId, name: BRAND, avatarUrl: brandImage });
  const joined = await visitor.log.waitForEvent('message.created', (d) => d.message.author.kind === 'system' && d.message.body === `${BRAND} joined the chat`);
  assert.deepEqual(joined.data.message.notice, { type: 'joined', name: BRAND }, 'the widget words the notice, so its name is the brand too');
  assert.equal(visitor.log.events.some((e) => JSON.stringify(e.data).includes('Alice')), false, 'no frame to the visitor names the agent');

  await alice.rt.send('typing.set', { conversationId, typing: true });
  const typing = await visitor.log.waitFor(() => visitor.log.signals.find((s) => s.name === 'typing.changed' && s.data.typing));
  assert.equal(typing.data.author.name, BRAND);

  const reply = await alice.rt.send('message.send', { conversationId, clientMessageId: 'a1', body: 'Hi, how can I help?' });
  const seen = await visitor.log.waitForEvent('message.created', (d) => d.message.id === reply.message.id);
  assert.equal(seen.data.message.author.kind, 'user');
  assert.equal(seen.data.message.author.name, BRAND);
  assert.equal(seen.data.message.author.avatarUrl, brandImage);

  // The inbox keeps real names: in the live frames and over HTTP.
  assert.equal(reply.message.author.name, 'Alice Agent');
  const adminSeen = await shared.admin.log.waitForEvent('message.created', (d) => d.message.id === reply.message.id);
  assert.equal(adminSeen.data.message.author.name, 'Alice Agent');
  const adminAssigned = await shared.admin.log.waitForEvent('conversation.assigned', (d) => d.conversation.id === conversationId);
  assert.equal(adminAssigned.data.conversation.assignee.name, 'Alice Agent');
  await shared.admin.log.waitFor(() => shared.admin.log.signals.find((s) => s.name === 'typing.changed' && s.data.author.name === 'Alice Agent'));
  const thread = await alice.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(thread.body.conversation.assignee.name, 'Alice Agent');
  assert.deepEqual(
    thread.body.messages.filter((m: any) => m.author.kind !== 'visitor' && m.author.kind !== 'bot').map((m: any) => [m.author.kind, m.author.name, m.body]),
    [
      ['system', 'Parley', 'Alice Agent joined the chat'],
      ['user', 'Alice Agent', 'Hi, how can I help?'],
    ],
  );

  // The visitor over HTTP (the frame's snapshot and the widget's GET).
  const widget = httpAs(shared.cluster.url, null, visitor.visitorToken);
  const fromHttp = await widget('GET', '/api/widget/conversation');
  assert.equal(fromHttp.status, 200);
  assert.deepEqual(fromHttp.body.conversation.assignee, { id: alice.userId, name: BRAND, avatarUrl: brandImage });
  assert.deepEqual(
    fromHttp.body.messages.filter((m: any) => m.author.kind === 'user' || m.author.kind === 'system').map((m: any) => [m.author.name, m.author.avatarUrl, m.body]),
    [
      ['Parley', null, `${BRAND} joined the chat`],
      [BRAND, brandImage, 'Hi, how can I help?'],
    ],
  );
  assert.equal(JSON.stringify(fromHttp.body).includes('Alice'), false);

  // A fresh socket's snapshot.
  const again = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey, visitor);
  assert.equal(JSON.stringify(again.resumes[0]).includes('Alice'), false);
  assert.equal((again.resumes[0] as any).snapshot.conversation.assignee.name, BRAND);
  again.close();

  // A resume replay from the start of the feed.
  const raw = await openRawSocket(shared.cluster.wsUrl);
  const ack = await raw.command('session.resume', { visitorToken: visitor.visitorToken, lastEventId: 0 });
  assert.equal(ack.ok, true, JSON.stringify(ack));
  const replayed = raw.frames.filter((f) => f.t === 'event');
  const replayedReply = replayed.find((f) => f.name === 'message.created' && f.data.message.id === reply.message.id);
  assert.equal(replayedReply.data.message.author.name, BRAND);
  assert.equal(replayed.find((f) => f.name === 'conversation.assigned').data.conversation.assignee.name, BRAND);
  assert.equal(JSON.stringify(replayed).includes('Alice'), false);
  raw.ws.close();

  // Ending the chat answers with the aliased conversation too.
  const ended = await visitor.rt.send('conversation.end', { conversationId });
  assert.equal(ended.conversation.assignee?.name, BRAND);

  visitor.close();
  alice.close();
});

test('alias off: the visitor sees the real name, and turning it off applies to what is presented next', async () => {
  const chatflowId = await siteChatflowId(shared.admin);
  await setAlias(shared.admin, chatflowId, { brandAsAgentAlias: true, headingName: BRAND });

  const creds = await createUserAs(shared.admin, { email: 'bob@example.com', name: 'Bob Agent' });
  const bob = await connectAgent(shared.cluster.url, shared.cluster.wsUrl, creds);
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'v1', body: 'Anyone?' });
  const conversationId = sent.message.conversationId;
  await bob.rt.send('conversation.assign', { conversationId, userId: bob.userId });
  const first = await bob.rt.send('message.send', { conversationId, clientMessageId: 'b1', body: 'first' });
  assert.equal((await visitor.log.waitForEvent('message.created', (d) => d.message.id === first.message.id)).data.message.author.name, BRAND);

  // The reader serving this visitor learns the change from the feed: no reconnect needed.
  await setAlias(shared.admin, chatflowId, { brandAsAgentAlias: false });
  const second = await bob.rt.send('message.send', { conversationId, clientMessageId: 'b2', body: 'second' });
  const seen = await visitor.log.waitForEvent('message.created', (d) => d.message.id === second.message.id);
  assert.equal(seen.data.message.author.name, 'Bob Agent');
  assert.equal(seen.data.message.author.avatarUrl, null);
  await bob.rt.send('typing.set', { conversationId, typing: true });
  const typing = await visitor.log.waitFor(() => visitor.log.signals.find((s) => s.name === 'typing.changed' && s.data.typing));
  assert.equal(typing.data.author.name, 'Bob Agent');

  // Over HTTP, earlier messages are presented with the current setting as well.
  const fromHttp = await httpAs(shared.cluster.url, null, visitor.visitorToken)('GET', '/api/widget/conversation');
  assert.equal(fromHttp.body.conversation.assignee.name, 'Bob Agent');
  assert.deepEqual(
    fromHttp.body.messages.filter((m: any) => m.author.kind === 'user').map((m: any) => m.author.name),
    ['Bob Agent', 'Bob Agent'],
  );
  assert.ok(fromHttp.body.messages.some((m: any) => m.body === 'Bob Agent joined the chat'));

  // On again: closing the chat reaches the visitor under the brand as well.
  await setAlias(shared.admin, chatflowId, { brandAsAgentAlias: true });
  assert.equal((await bob.http('POST', `/api/conversations/${conversationId}/close`)).status, 200);
  const closing = await visitor.log.waitForEvent('message.created', (d) => d.message.author.kind === 'system' && d.message.body === `${BRAND} closed the chat`);
  assert.deepEqual(closing.data.message.notice, { type: 'agentClosed', name: BRAND });
  const closed = await visitor.log.waitForEvent('conversation.closed');
  assert.equal(closed.data.conversation.assignee.name, BRAND);
  const thread = await bob.http('GET', `/api/conversations/${conversationId}`);
  assert.ok(thread.body.messages.some((m: any) => m.body === 'Bob Agent closed the chat' && m.notice?.name === 'Bob Agent'));
  visitor.close();
  bob.close();
});
