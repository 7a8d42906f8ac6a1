/**
 * P5 durability: SIGKILL the server process while messages are flowing; after a restart every
 * message that was acknowledged to its sender is stored.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RealtimeClient, type VisitorCommands, type VisitorEvents } from '@parley/protocol';
import WebSocket from 'ws';
import { createVisitorSession, login, httpAs } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { storeEnvVars } from './helpers/testServer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Starts `src/main.ts` as its own process and resolves with its base URL once it listens. */
function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; siteKey: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/Inbox:\s+(http:\/\/localhost:\d+)\/inbox\//)?.[1];
      const siteKey = output.match(/data-site="([^"]+)"/)?.[1];
      if (url && siteKey) {
        clearTimeout(timer);
        resolve({ child, url: url.replace('localhost', '127.0.0.1'), siteKey });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited early (${code}):\n${output}`)));
  });
}

test('every acknowledged message survives a SIGKILL of the server', async () => {
  const store = await freshStore();
  const env = storeEnvVars(store);
  try {
    const first = await startProcess(env);
    const session = await createVisitorSession(first.url, first.siteKey);
    const client = new RealtimeClient<VisitorCommands, VisitorEvents>({
      url: first.url.replace('http', 'ws') + '/realtime',
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
    first.child.kill('SIGKILL');
    killed = true;
    await pump;
    await new Promise((r) => first.child.exitCode !== null || first.child.signalCode ? r(null) : first.child.once('exit', r));
    client.close();
    const ackedAtKill = new Set(acked);
    assert.ok(ackedAtKill.size >= 150);

    const second = await startProcess(env);
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
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  } finally {
    await store.drop();
  }
});
