/**
 * Issue 8, hole 4: a socket that stops reading cannot grow the node's memory. Once its unsent
 * bytes would pass PARLEY_SOCKET_BUFFER_BYTES the node drops it; the client reconnects, resumes
 * from its cursor and gets every event it missed, in order, with no gap.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RealtimeClient, type AgentCommands, type AgentEvents, type AgentResumeResult } from '@parley/protocol';
import WebSocket from 'ws';
import type { Connection } from '../src/realtime/connection.js';
import { connectVisitor, login } from './helpers/clients.js';
import { agentSocket } from './helpers/rawSocket.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const CAP = 64 * 1024;
let cluster: TestCluster;

before(async () => {
  cluster = await startCluster({ env: { PARLEY_SOCKET_BUFFER_BYTES: String(CAP) } });
});
after(async () => {
  await cluster.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a socket that stops reading is dropped at the buffer cap; a resume then delivers everything without gaps', async () => {
  const gateway = cluster.nodes[0]!.server.gateway;
  const { cookie, userId } = await login(cluster.url);
  const reader = await agentSocket(cluster.wsUrl, cookie);
  const serverSide = () => [...gateway.connections].find((c) => c.principal?.kind === 'agent' && c.principal.user.id === userId) as Connection | undefined;
  const serverSocket = (serverSide() as unknown as { socket: WebSocket }).socket;
  assert.ok(serverSocket);

  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'start', body: 'start' });
  const conversationId = first.message.conversationId;
  while (!reader.frames.some((f) => f.t === 'event' && f.name === 'message.created' && f.data.message.body === 'start')) await sleep(10);

  // The inbox stops reading: its TCP socket is paused, so the kernel buffers fill, then the node's.
  (reader.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
  const body = 'x'.repeat(4000);
  let sent = 0;
  let peak = 0;
  while (serverSide() && sent < 4000) {
    await Promise.all(Array.from({ length: 25 }, () => visitor.rt.send('message.send', { clientMessageId: `m-${sent++}`, body })));
    if (serverSide()) peak = Math.max(peak, serverSocket.bufferedAmount);
  }
  assert.equal(serverSide(), undefined, `the node dropped the socket that did not read (after ${sent} messages)`);
  assert.ok(peak <= CAP, `unsent bytes stayed under the cap (peak ${peak})`);
  for (let i = 0; i < 10; i++) await visitor.rt.send('message.send', { clientMessageId: `after-${i}`, body: `after ${i}` });

  // The client reads what reached it, sees the connection end, and resumes from its cursor.
  (reader.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  await reader.closed;
  const seen = reader.frames.filter((f) => f.t === 'event');
  const cursor = seen.at(-1)!.id as number;
  const replayed: Array<{ id: number; name: string; data: any }> = [];
  let resumed = false;
  const rt = new RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>({
    url: cluster.wsUrl,
    createSocket: (url) => new WebSocket(url, { headers: { cookie } }) as any,
    onEvent: (name, data, id) => replayed.push({ id, name: String(name), data }),
    onResumed: () => (resumed = true),
  });
  rt.cursor = cursor;
  rt.connect();
  const deadline = Date.now() + 10_000;
  while (!(resumed && replayed.some((e) => e.name === 'message.created' && e.data.message.body === 'after 9')) && Date.now() < deadline) await sleep(50);
  assert.ok(resumed);

  const all = [...seen, ...replayed];
  const ids = all.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'event ids only increase across the drop');
  assert.equal(new Set(ids).size, ids.length, 'no event twice');
  const seqs = all.filter((e) => e.name === 'message.created' && e.data.message.conversationId === conversationId).map((e) => e.data.message.seq as number);
  const stored = await cluster.nodes[0]!.server.ctx.storage.db.selectFrom('messages').select('seq').where('conversation_id', '=', conversationId).orderBy('seq').execute();
  assert.deepEqual(seqs, stored.map((m) => m.seq).filter((s) => s >= seqs[0]!), 'every message from the first seen one on, once, in order');
  rt.close();
  visitor.close();
});
