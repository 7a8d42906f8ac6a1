/**
 * P5 / W12: sockets dropped mid-stream, by the server or by the network, lose, duplicate or
 * reorder nothing; a re-sent client message id is stored once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from '../src/realtime/connection.js';
import { connectAgent, connectVisitor, type EventLog } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The socket objects behind this node's connections of one principal. */
function socketsOf(match: (c: Connection) => boolean): Array<{ close(code: number): void; terminate(): void }> {
  return [...shared.cluster.nodes[0]!.server.gateway.connections].filter(match).map((c) => (c as unknown as { socket: any }).socket);
}

/** Bodies of message.created events for a conversation, in arrival order. */
function receivedBodies(log: EventLog, conversationId: number): string[] {
  return log.events.filter((e) => e.name === 'message.created' && e.data.message.conversationId === conversationId).map((e) => e.data.message.body);
}

test('server-side closes and abrupt terminations mid-stream lose, duplicate and reorder nothing', async () => {
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const agent = await connectAgent(shared.cluster.url, shared.cluster.wsUrl);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'v-0', body: 'v 0' });
  const conversationId = first.message.conversationId;
  await agent.rt.send('conversation.assign', { conversationId, userId: agent.userId });

  const total = 60;
  const sends: Array<Promise<unknown>> = [];
  for (let i = 1; i <= total; i++) {
    sends.push(visitor.rt.send('message.send', { clientMessageId: `v-${i}`, body: `v ${i}` }));
    sends.push(agent.rt.send('message.send', { conversationId, clientMessageId: `a-${i}`, body: `a ${i}` }));
    if (i % 10 === 0) {
      // Alternate a clean server close and an abrupt kill, on both sides' sockets.
      const kill = (s: { close(code: number): void; terminate(): void }) => (i % 20 === 0 ? s.terminate() : s.close(1012));
      socketsOf((c) => c.principal?.kind === 'agent' && c.principal.user.id === agent.userId).forEach(kill);
      socketsOf((c) => c.principal?.kind === 'visitor' && c.principal.visitor.id === visitor.visitorId).forEach(kill);
    }
    await sleep(5);
  }
  await Promise.all(sends);

  const expectedVisitor = Array.from({ length: total + 1 }, (_, i) => `v ${i}`);
  const expectedAgent = Array.from({ length: total }, (_, i) => `a ${i + 1}`);
  await agent.log.waitFor(() => receivedBodies(agent.log, conversationId).filter((b) => b.startsWith('a ')).length >= total, 10000, 'agent stream');
  await visitor.log.waitFor(() => receivedBodies(visitor.log, conversationId).filter((b) => b.startsWith('v ')).length >= total + 1, 10000, 'visitor stream');
  await sleep(300);

  for (const [who, log] of [['agent', agent.log], ['visitor', visitor.log]] as const) {
    const bodies = receivedBodies(log, conversationId);
    assert.deepEqual(bodies.filter((b) => b.startsWith('v ')), expectedVisitor, `${who} sees every visitor message once, in order`);
    assert.deepEqual(bodies.filter((b) => b.startsWith('a ')), expectedAgent, `${who} sees every agent message once, in order`);
    const ids = log.events.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), `${who} event ids only increase`);
    assert.equal(new Set(ids).size, ids.length, `${who} got no event twice`);
    const seqs = log.events.filter((e) => e.name === 'message.created' && e.data.message.conversationId === conversationId).map((e) => e.data.message.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
  }
  assert.ok(visitor.resumes.length > 1 && agent.resumes.length > 1, 'both sides reconnected');

  const thread = await agent.http('GET', `/api/conversations/${conversationId}`);
  const stored = thread.body.messages.map((m: any) => m.body);
  assert.equal(stored.filter((b: string) => b.startsWith('v ')).length, total + 1, 'each visitor message stored once');
  assert.equal(stored.filter((b: string) => b.startsWith('a ')).length, total, 'each agent message stored once');
  assert.deepEqual(thread.body.messages.map((m: any) => m.seq), thread.body.messages.map((_: unknown, i: number) => i + 1), 'seq is gap-free');
  visitor.close();
  agent.close();
});

test('client-side network loss: pending sends are re-sent after reconnect and stored once', async () => {
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sends: Array<Promise<{ message: { id: number }; duplicate: boolean }>> = [];
  for (let i = 0; i < 30; i++) {
    sends.push(visitor.rt.send('message.send', { clientMessageId: `loss-${i}`, body: `loss ${i}` }));
    // Drop right after writing: the server may or may not have stored the message.
    if (i % 7 === 3) visitor.rt.dropConnection();
  }
  const results = await Promise.all(sends);
  const conversationId = (results[0]!.message as any).conversationId as number;
  const thread = await shared.admin.http('GET', `/api/conversations/${conversationId}`);
  const bodies = thread.body.messages.filter((m: any) => m.author.kind === 'visitor').map((m: any) => m.body);
  assert.deepEqual(bodies, Array.from({ length: 30 }, (_, i) => `loss ${i}`));
  assert.ok(visitor.resumes.length > 1, 'the client reconnected');
  visitor.close();
});

test('re-sending the same client message id stores it once and returns the stored message', async () => {
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const [a, b] = await Promise.all([
    visitor.rt.send('message.send', { clientMessageId: 'same-id', body: 'only once' }),
    visitor.rt.send('message.send', { clientMessageId: 'same-id', body: 'only once' }),
  ]);
  assert.equal(a.message.id, b.message.id);
  assert.deepEqual([a.duplicate, b.duplicate].sort(), [false, true]);
  // The same id over HTTP (another tab without a socket) is the same message too.
  const viaHttp = await fetch(`${shared.cluster.url}/api/widget/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${visitor.visitorToken}` },
    body: JSON.stringify({ clientMessageId: 'same-id', body: 'only once' }),
  });
  assert.equal(viaHttp.status, 200);
  assert.equal(((await viaHttp.json()) as any).message.id, a.message.id);
  const thread = await shared.admin.http('GET', `/api/conversations/${a.message.conversationId}`);
  assert.equal(thread.body.messages.filter((m: any) => m.body === 'only once').length, 1);
  visitor.close();
});

test('several tabs of one visitor share the conversation and all see every message', async () => {
  const tab1 = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const tab2 = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey, tab1);
  // Both tabs start the chat at once: they must end up in one conversation.
  const [x, y] = await Promise.all([
    tab1.rt.send('message.send', { clientMessageId: 't1', body: 'from tab 1' }),
    tab2.rt.send('message.send', { clientMessageId: 't2', body: 'from tab 2' }),
  ]);
  assert.equal(x.message.conversationId, y.message.conversationId);
  await tab1.log.waitForEvent('message.created', (d) => d.message.body === 'from tab 2');
  await tab2.log.waitForEvent('message.created', (d) => d.message.body === 'from tab 1');
  tab1.close();
  tab2.close();
});

test('resuming from an old cursor replays exactly the missed events', async () => {
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'r0', body: 'r 0' });
  await visitor.log.waitForEvent('message.created', (d) => d.message.body === 'r 0');
  const cursor = visitor.rt.cursor!;
  visitor.close();
  // While the visitor is away, an agent writes.
  const id = first.message.conversationId;
  for (let i = 1; i <= 3; i++) await shared.admin.rt.send('message.send', { conversationId: id, clientMessageId: `away-${i}`, body: `away ${i}` });
  const back = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey, visitor);
  back.rt.close();
  // A raw resume with the old cursor: the replay holds the missed messages, nothing older.
  const replayed: string[] = [];
  const { default: WebSocket } = await import('ws');
  const ws = new WebSocket(shared.cluster.wsUrl);
  await new Promise((r) => ws.once('open', r));
  const done = new Promise<any>((resolve) =>
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw));
      if (frame.t === 'event' && frame.name === 'message.created') replayed.push(frame.data.message.body);
      if (frame.t === 'ack') resolve(frame);
    }),
  );
  ws.send(JSON.stringify({ ref: 1, cmd: 'session.resume', data: { visitorToken: visitor.visitorToken, lastEventId: cursor } }));
  const ack = await done;
  assert.equal(ack.ok, true);
  assert.equal(ack.data.snapshot, undefined);
  assert.deepEqual(replayed.filter((b) => b !== 'Admin joined the chat'), ['away 1', 'away 2', 'away 3']);
  ws.close();
});
