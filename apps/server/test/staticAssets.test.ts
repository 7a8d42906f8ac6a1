/**
 * Issue 8, static assets: the built front ends (inbox, widget frame, widget.js) and /demo are
 * sent brotli- or gzip-compressed as the client accepts, byte-identical once decoded; Vite's
 * hashed files are cached immutable; pages and widget.js are revalidated with their ETag; and
 * widget.js is at most 3 KB on the wire. Needs the front ends built (`npm run build`).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();
const apps = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WIDGET_BUDGET_BYTES = 3072;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, still encoded. */
  body: Buffer;
}

/** A request whose body is not decoded, so the test sees what went over the wire. */
function raw(urlPath: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${shared.cluster.url}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function decode(res: Raw): Buffer {
  if (res.headers['content-encoding'] === 'br') return zlib.brotliDecompressSync(res.body);
  if (res.headers['content-encoding'] === 'gzip') return zlib.gunzipSync(res.body);
  assert.equal(res.headers['content-encoding'], undefined);
  return res.body;
}

function builtFile(relative: string): Buffer {
  const file = path.join(apps, relative);
  assert.ok(fs.existsSync(file), `${relative} is missing: run npm run build first`);
  return fs.readFileSync(file);
}

/** The hashed script and stylesheet a built page references, as [url path, file under apps/]. */
function hashedAssetsOf(html: string, urlPrefix: string, distDir: string): Array<[string, string]> {
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  assert.ok(refs.length >= 2, `${urlPrefix}index.html references its built script and styles`);
  return refs.map((ref) => [ref, path.join(distDir, ref.slice(urlPrefix.length))]);
}

function files(): Array<[string, string]> {
  const inboxHtml = builtFile('dashboard/dist/index.html').toString();
  const frameHtml = builtFile('widget/dist/frame/index.html').toString();
  return [
    ['/widget.js', 'widget/dist/widget.js'],
    [`/widget/frame/index.html?site=${shared.cluster.siteKey}`, 'widget/dist/frame/index.html'],
    ['/inbox/', 'dashboard/dist/index.html'],
    ['/inbox/conversations/42', 'dashboard/dist/index.html'],
    ...hashedAssetsOf(inboxHtml, '/inbox/', 'dashboard/dist'),
    ...hashedAssetsOf(frameHtml, '/widget/frame/', 'widget/dist/frame'),
  ];
}

test('every built file is sent in the encoding asked for, and decodes to the file', async () => {
  for (const [urlPath, relative] of files()) {
    const expected = builtFile(relative);
    for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br'], ['br;q=0, gzip', 'gzip'], ['identity', undefined]] as const) {
      const res = await raw(urlPath, { 'accept-encoding': accept });
      assert.equal(res.status, 200, urlPath);
      assert.equal(res.headers['content-encoding'], encoding, `${urlPath} with accept-encoding: ${accept}`);
      assert.equal(res.headers.vary, 'accept-encoding', urlPath);
      assert.ok(decode(res).equals(expected), `${urlPath} (${accept}) decodes to ${relative}`);
      if (encoding) assert.ok(res.body.length < expected.length * 0.7, `${urlPath} is actually compressed (${res.body.length} of ${expected.length})`);
    }
    const plain = await raw(urlPath);
    assert.equal(plain.headers['content-encoding'], undefined, 'no accept-encoding, no encoding');
  }
});

test('/demo is compressed too', async () => {
  const res = await raw('/demo', { 'accept-encoding': 'gzip' });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.match(decode(res).toString(), /data-site="/);
});

test('widget.js is at most 3 KB on the wire, cached briefly and revalidated with its ETag', async () => {
  for (const accept of ['br', 'gzip']) {
    const res = await raw('/widget.js', { 'accept-encoding': accept });
    assert.ok(res.body.length <= WIDGET_BUDGET_BYTES, `widget.js as ${accept}: ${res.body.length} bytes`);
    assert.equal(res.headers['cache-control'], 'public, max-age=300');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(res.headers['content-type']!, /javascript/);
    const etag = res.headers.etag!;
    assert.match(etag, /^"[\w-]+"$/);
    const again = await raw('/widget.js', { 'accept-encoding': accept, 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
  }
  // Different bytes (another encoding) must not validate against this ETag.
  const br = await raw('/widget.js', { 'accept-encoding': 'br' });
  assert.equal((await raw('/widget.js', { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag! })).status, 200);
});

test('pages are revalidated every time; hashed assets are cached for a year, immutable', async () => {
  for (const page of ['/inbox/', `/widget/frame/index.html?site=${shared.cluster.siteKey}`, '/inbox/invite?token=abc']) {
    const res = await raw(page, { 'accept-encoding': 'br' });
    assert.equal(res.headers['cache-control'], 'no-cache', page);
    const again = await raw(page, { 'accept-encoding': 'br', 'if-none-match': res.headers.etag! });
    assert.equal(again.status, 304, page);
  }
  const hashed = files().filter(([urlPath]) => urlPath.includes('/assets/'));
  assert.ok(hashed.length >= 4);
  for (const [urlPath] of hashed) {
    const res = await raw(urlPath, { 'accept-encoding': 'br' });
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', urlPath);
    assert.ok(res.headers.etag, urlPath);
  }
});

test('a missing asset is a 404, not the inbox page; unknown inbox paths are the inbox page', async () => {
  assert.equal((await raw('/inbox/assets/index-AAAAAAAA.js')).status, 404);
  assert.equal((await raw('/widget/frame/assets/nope-AAAAAAAA.js')).status, 404);
  assert.equal((await raw('/widget/frame/../../package.json')).status, 404);
  const spa = await raw('/inbox/settings/users');
  assert.equal(spa.status, 200);
  assert.match(spa.headers['content-type']!, /text\/html/);
});

test("the loader's lazy chunks (W17 alerts, W15 API): the names widget.js imports are served with CORS, immutable; nothing else under /widget/loader/", async () => {
  const loader = builtFile('widget/dist/widget.js').toString();
  assert.ok(loader.includes('/widget/loader/'), 'widget.js imports from /widget/loader/');
  const names = ['alerts', 'api'].map((entry) => loader.match(new RegExp(`["\`](${entry}-[\\w-]+\\.js)["\`]`))?.[1]);
  assert.ok(names[0], 'widget.js names its unread chunk');
  assert.ok(names[1], 'widget.js names its API chunk');
  for (const name of names) await assertChunkServed(name!);
  for (const missing of ['/widget/loader/alerts-AAAAAAAA.js', '/widget/loader/', '/widget/loader/../widget.js', '/widget/loader/.vite/manifest.json']) {
    assert.equal((await raw(missing)).status, 404, missing);
  }
});

async function assertChunkServed(name: string): Promise<void> {
  const res = await raw(`/widget/loader/${name}`, { 'accept-encoding': 'gzip' });
  assert.equal(res.status, 200);
  // Module scripts are fetched in CORS mode from the customer's page.
  assert.equal(res.headers['access-control-allow-origin'], '*');
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(res.headers['content-type']!, /text\/javascript/);
  assert.deepEqual(decode(res), builtFile(`widget/dist/loader/${name}`), name);
}
