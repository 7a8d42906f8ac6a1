/**
 * Branding image uploads (W2): sniffed from the bytes, size-limited, stored by Parley and served
 * back from /files/<key> unchanged and safely; refusals store nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, createUserAs } from './helpers/clients.js';
import { IMAGES, NOT_IMAGES } from './helpers/brandingImages.js';
import { useNodeWithAdmin } from './helpers/suite.js';
import { startCluster } from './helpers/testServer.js';

const shared = useNodeWithAdmin();

async function upload(baseUrl: string, cookie: string | null, bytes: Buffer, contentType: string) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`${baseUrl}/api/admin/uploads`, { method: 'POST', headers, body: bytes });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function uploadCount(): Promise<number> {
  const db = shared.cluster.nodes[0]!.server.ctx.storage.db;
  return Number((await db.selectFrom('uploads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

/** The served path of an upload URL (the test node's public URL is not the address it listens on). */
function filePath(url: string): string {
  return new URL(url).pathname;
}

test('PNG, JPEG, GIF and WebP are stored and served back byte for byte with their sniffed type', async () => {
  for (const [type, bytes] of Object.entries(IMAGES)) {
    // The claimed type does not matter: a generic one gets the same sniffed answer.
    const res = await upload(shared.cluster.url, shared.admin.cookie, bytes, 'application/octet-stream');
    assert.equal(res.status, 201, `${type}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.file.contentType, type);
    assert.equal(res.body.file.size, bytes.length);
    assert.match(res.body.file.url, /\/files\/[A-Za-z0-9_-]{32}$/);

    const served = await fetch(`${shared.cluster.url}${filePath(res.body.file.url)}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), type);
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(served.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(served.headers.get('content-security-policy'), "default-src 'none'");
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), bytes);
  }
  assert.equal(await uploadCount(), 4);

  // The same image again is the same file, not a second copy.
  const again = await upload(shared.cluster.url, shared.admin.cookie, IMAGES['image/png'], 'image/png');
  assert.equal(again.status, 201);
  assert.equal(await uploadCount(), 4);
});

test('files is public: no cookie needed to read an upload', async () => {
  const res = await upload(shared.cluster.url, shared.admin.cookie, IMAGES['image/gif'], 'image/gif');
  const served = await fetch(`${shared.cluster.url}${filePath(res.body.file.url)}`, { headers: { origin: 'https://shop.example' } });
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/gif');
});

test('SVG, HTML and a text file claiming to be a PNG are refused and nothing is stored', async () => {
  const before = await uploadCount();
  for (const [name, file] of Object.entries(NOT_IMAGES)) {
    const res = await upload(shared.cluster.url, shared.admin.cookie, file.bytes, file.claimed);
    assert.equal(res.status, 400, name);
    assert.equal(res.body.error.code, 'unsupported_file_type', name);
  }
  const empty = await upload(shared.cluster.url, shared.admin.cookie, Buffer.alloc(0), 'image/png');
  assert.equal(empty.status, 400);
  assert.equal(empty.body.error.code, 'file_empty');
  assert.equal(await uploadCount(), before);
});

test('an image over the limit is refused with 413 file_too_large and nothing is stored', async () => {
  const before = await uploadCount();
  // A real PNG signature followed by padding: only the size is wrong.
  const big = Buffer.concat([IMAGES['image/png'], Buffer.alloc(1024 * 1024 + 1 - IMAGES['image/png'].length, 0)]);
  assert.equal(big.length, 1024 * 1024 + 1);
  const res = await upload(shared.cluster.url, shared.admin.cookie, big, 'image/png');
  assert.equal(res.status, 413);
  assert.equal(res.body.error.code, 'file_too_large');

  // Exactly at the limit is fine.
  const atLimit = big.subarray(0, 1024 * 1024);
  const ok = await upload(shared.cluster.url, shared.admin.cookie, atLimit, 'image/png');
  assert.equal(ok.status, 201);
  assert.equal(ok.body.file.size, 1024 * 1024);
  assert.equal(await uploadCount(), before + 1);
});

test('the limit follows PARLEY_BRANDING_IMAGE_MAX_BYTES, also without a content-length', async () => {
  const cluster = await startCluster({ env: { PARLEY_BRANDING_IMAGE_MAX_BYTES: '2048' } });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    const padded = Buffer.concat([IMAGES['image/png'], Buffer.alloc(4096)]);
    assert.equal((await upload(cluster.url, admin.cookie, padded, 'image/png')).body.error.code, 'file_too_large');
    // Streamed (chunked, no content-length): refused while reading.
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(padded.subarray(0, 1000));
        controller.enqueue(padded.subarray(1000));
        controller.close();
      },
    });
    const res = await fetch(`${cluster.url}/api/admin/uploads`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'image/png' }, body: streamed, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as any).error.code, 'file_too_large');
    const db = cluster.nodes[0]!.server.ctx.storage.db;
    assert.equal(Number((await db.selectFrom('uploads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0);
    admin.close();
  } finally {
    await cluster.close();
  }
});

test('only signed-in users who may edit chatflows upload: an agent without the permission gets 403', async () => {
  const before = await uploadCount();
  const creds = await createUserAs(shared.admin, { email: 'uploader@example.com', name: 'Una Uploader' });
  const agent = await connectAgent(shared.cluster.url, shared.cluster.wsUrl, creds);
  const res = await upload(shared.cluster.url, agent.cookie, IMAGES['image/png'], 'image/png');
  assert.equal(res.status, 403);
  assert.equal(res.body.error.code, 'forbidden');
  const anonymous = await upload(shared.cluster.url, null, IMAGES['image/png'], 'image/png');
  assert.equal(anonymous.status, 401);
  assert.equal(await uploadCount(), before);

  // Granted chatflows:edit, the same agent may upload (A3), from the next request on.
  const granted = await shared.admin.http('PATCH', `/api/admin/users/${creds.id}`, { permissions: ['chatflows:edit'] });
  assert.equal(granted.status, 200, JSON.stringify(granted.body));
  const allowed = await upload(shared.cluster.url, agent.cookie, IMAGES['image/webp'], 'image/webp');
  assert.equal(allowed.status, 201);
  agent.close();
});

test('unknown and malformed keys are 404', async () => {
  for (const key of ['A'.repeat(32), 'nope', '..%2F..%2Fetc', 'A'.repeat(33)]) {
    const res = await fetch(`${shared.cluster.url}/files/${key}`);
    assert.equal(res.status, 404, key);
    assert.equal(((await res.json()) as any).error.code, 'not_found');
  }
});

test('the OpenAPI document describes both routes', async () => {
  const doc = (await (await fetch(`${shared.cluster.url}/api/openapi.json`)).json()) as any;
  assert.ok(doc.paths['/api/admin/uploads']?.post, 'upload route documented');
  assert.ok(doc.paths['/files/{key}']?.get, 'file route documented');
});
