/**
 * I1: my avatar. Any signed-in user uploads one (sniffed, size-limited, served at /files/<key>);
 * colleagues hear of it and visitors see it on the agent's messages; refusals change nothing;
 * it can be removed. Real server, both driver sets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs, httpAs } from './helpers/clients.js';
import { IMAGES, NOT_IMAGES } from './helpers/brandingImages.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

async function upload(cookie: string | null, bytes: Buffer, type: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': type };
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`${shared.cluster.url}/api/me/avatar`, { method: 'POST', headers, body: bytes });
  return { status: res.status, body: await res.json() };
}

test('an agent sets an avatar that colleagues and visitors see; refusals change nothing; it can be removed', async () => {
  const { cluster, admin } = shared;
  const kai = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'kai@example.com', name: 'Kai' }));

  const set = await upload(kai.cookie, IMAGES['image/png'], 'image/png');
  assert.equal(set.status, 200, JSON.stringify(set.body));
  const avatarUrl: string = set.body.user.avatarUrl;
  assert.match(avatarUrl, /\/files\/[A-Za-z0-9_-]{32}$/);
  const served = await fetch(`${cluster.url}${new URL(avatarUrl).pathname}`);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), IMAGES['image/png']);
  await admin.log.waitForEvent('user.updated', (d) => d.user.id === kai.userId && d.user.avatarUrl === avatarUrl);
  assert.equal((await kai.http('GET', '/api/me')).body.user.avatarUrl, avatarUrl);

  // Refused by type (whatever the header claims), when empty, and when too large: the avatar stays.
  for (const { claimed, bytes } of Object.values(NOT_IMAGES)) {
    const refused = await upload(kai.cookie, bytes, claimed);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'unsupported_file_type');
  }
  assert.equal((await upload(kai.cookie, Buffer.alloc(0), 'image/png')).body.error.code, 'file_empty');
  const huge = await upload(kai.cookie, Buffer.concat([IMAGES['image/png'], Buffer.alloc(2 * 1024 * 1024)]), 'image/png');
  assert.equal(huge.status, 413);
  assert.equal(huge.body.error.code, 'file_too_large');
  assert.equal((await kai.http('GET', '/api/me')).body.user.avatarUrl, avatarUrl, 'refusals changed nothing');
  assert.equal((await upload(null, IMAGES['image/png'], 'image/png')).status, 401);

  // A visitor sees it next to the agent's reply.
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: 'hi' });
  await kai.rt.send('message.send', { conversationId: first.message.conversationId, clientMessageId: 'k-1', body: 'Hello from Kai' });
  const seen = await visitor.log.waitForEvent('message.created', (d) => d.message.body === 'Hello from Kai');
  assert.equal(seen.data.message.author.avatarUrl, avatarUrl);

  const removed = await kai.http('DELETE', '/api/me/avatar');
  assert.equal(removed.status, 200);
  assert.equal(removed.body.user.avatarUrl, null);
  assert.equal((await kai.http('GET', '/api/me')).body.user.avatarUrl, null);
  assert.equal((await httpAs(cluster.url, null)('DELETE', '/api/me/avatar')).status, 401);
  kai.close();
  visitor.close();
});
