/**
 * Issue 8, hole 2: sockets that never authenticate are closed after the resume deadline (4408),
 * and one client address holds at most PARLEY_SOCKETS_PER_ADDRESS sockets per node (4429); the
 * node keeps answering. The shared RealtimeClient reconnects after either, with backoff.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RealtimeClient, type VisitorCommands, type VisitorEvents, type VisitorResumeResult } from '@parley/protocol';
import WebSocket from 'ws';
import { createVisitorSession } from './helpers/clients.js';
import { openRawSocket, within, type RawSocket } from './helpers/rawSocket.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const CAP = 5;
let cluster: TestCluster;
let proxied: TestCluster;

before(async () => {
  cluster = await startCluster({ env: { PARLEY_SOCKETS_PER_ADDRESS: String(CAP), PARLEY_RESUME_TIMEOUT_SECONDS: '1' } });
  proxied = await startCluster({ env: { PARLEY_SOCKETS_PER_ADDRESS: '2', PARLEY_TRUST_PROXY: 'true' } });
});
after(async () => {
  await cluster.close();
  await proxied.close();
});

test('a socket that never sends session.resume is closed with 4408; a resumed one stays', async () => {
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  const idle = await openRawSocket(cluster.wsUrl);
  const resumed = await openRawSocket(cluster.wsUrl);
  assert.equal((await resumed.command('session.resume', { visitorToken: session.visitorToken })).ok, true);
  const closed = await within(idle.closed, 3000, 'idle socket closes');
  assert.equal(closed.code, 4408);
  assert.match(closed.reason, /session\.resume/);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(resumed.isClosed(), false);
  resumed.ws.close();
});

test('one address holds at most the cap; the next socket is closed with 4429 and the node still answers', async () => {
  const sockets: RawSocket[] = [];
  for (let i = 0; i < CAP; i++) sockets.push(await openRawSocket(cluster.wsUrl));
  const refused = await openRawSocket(cluster.wsUrl);
  const closed = await within(refused.closed, 2000, 'socket over the cap is refused');
  assert.equal(closed.code, 4429);
  assert.match(closed.reason, /too many sockets/);
  assert.equal((await fetch(`${cluster.url}/healthz`)).status, 200);
  for (const socket of sockets) assert.equal(socket.isClosed(), false);

  // A freed slot can be used again.
  sockets[0]!.ws.close();
  await sockets[0]!.closed;
  await new Promise((r) => setTimeout(r, 100));
  const again = await openRawSocket(cluster.wsUrl);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(again.isClosed(), false);
  for (const socket of [...sockets, again]) socket.ws.close();
  await Promise.all([...sockets, again].map((s) => s.closed));
});

test('behind a trusted proxy the cap counts the forwarded client address', async () => {
  const from = (address: string) => openRawSocket(proxied.wsUrl, { 'x-forwarded-for': address });
  const first = [await from('203.0.113.1'), await from('203.0.113.1')];
  const third = await from('203.0.113.1');
  assert.equal((await within(third.closed, 2000, 'third socket from one address')).code, 4429);
  const other = await from('203.0.113.2');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(other.isClosed(), false, 'another address has its own allowance');
  for (const socket of [...first, other]) socket.ws.close();
  await Promise.all([...first, other].map((s) => s.closed));
});

test('RealtimeClient waits and reconnects after 4429, and resumes once a slot is free', async () => {
  await new Promise((r) => setTimeout(r, 100));
  const hogs: RawSocket[] = [];
  for (let i = 0; i < CAP; i++) hogs.push(await openRawSocket(cluster.wsUrl));
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  const closes: number[] = [];
  let resumed = 0;
  const rt = new RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>({
    url: cluster.wsUrl,
    createSocket: (url) => {
      const ws = new WebSocket(url);
      ws.on('close', (code) => closes.push(code));
      return ws as any;
    },
    credentials: () => ({ visitorToken: session.visitorToken }),
    onResumed: () => resumed++,
  });
  rt.connect();
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(closes, [4429], 'refused once, then waiting (seconds, not milliseconds) before the next try');
  for (const hog of hogs) hog.ws.close();
  const deadline = Date.now() + 15_000;
  while (resumed === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.equal(resumed, 1, 'the client came back by itself');
  rt.close();
});
