/**
 * P5 durability: SIGKILL the server process while messages are flowing; after a restart every
 * message that was acknowledged to its sender is stored.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RealtimeClient, type VisitorCommands, type VisitorEvents } from '@parley/protocol';
import WebSocket from 'ws';
import { createVisitorSession, login, httpAs } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { startProcessNode } from './helpers/processNode.js';
import { storeEnvVars } from './helpers/testServer.js';

test('every acknowledged message survives a SIGKILL of the server', async () => {
  const store = await freshStore();
  const env = storeEnvVars(store);
  try {
    const first = await startProcessNode(env);
    const session = await createVisitorSession(first.url, first.siteKey);
    const client = new RealtimeClient<VisitorCommands, VisitorEvents>({
      url: first.wsUrl,
      createSocket: (url) => new WebSocket(url) as any,
      credentials: () => ({ visitorToken: session.visitorToken }),
    });
    client.connect();

    const acked = new Set<string>();
    let sent = 0;
    let killed = false;
    // Keep many sends in flight; kill the process mid-stream once some are acknowledged.
    const pump = (async () => {
      while (!killed && sent < 2000) {
        const id = `k-${sent++}`;
        client.send('message.send', { clientMessageId: id, body: `message ${id}` }).then(
          () => acked.add(id),
          () => {},
        );
        if (sent % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    })();
    while (acked.size < 150) await new Promise((r) => setTimeout(r, 5));
    const stopped = first.stop('SIGKILL');
    killed = true;
    await pump;
    await stopped;
    client.close();
    const ackedAtKill = new Set(acked);
    assert.ok(ackedAtKill.size >= 150);

    const second = await startProcessNode(env);
    try {
      const { cookie } = await login(second.url);
      const http = httpAs(second.url, cookie);
      const list = await http('GET', '/api/conversations?view=all');
      assert.equal(list.body.conversations.length, 1);
      const thread = await http('GET', `/api/conversations/${list.body.conversations[0].id}`);
      const stored = new Set<string>(thread.body.messages.map((m: any) => m.clientMessageId).filter(Boolean));
      const missing = [...ackedAtKill].filter((id) => !stored.has(id));
      assert.deepEqual(missing, [], `acknowledged but lost: ${missing.length} of ${ackedAtKill.size}`);
      // Stored messages are consecutive in seq: no hole left by the crash.
      const seqs = thread.body.messages.map((m: any) => m.seq);
      assert.deepEqual(seqs, seqs.map((_: unknown, i: number) => i + 1));
    } finally {
      await second.stop();
    }
  } finally {
    await store.drop();
  }
});
