/**
 * Issue 8, hole 6: security headers. The inbox may not be framed by anyone (a sibling origin
 * framed the signed-in inbox); the widget frame only by its site's allowed origins; no page runs
 * inline script; every response has nosniff and a referrer policy; HSTS only over https.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { apiStubScript } from '@parley/protocol';
import { startNode } from './helpers/testServer.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

/** The CSP as a map of directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy');
  assert.ok(header, `${res.url} has a content security policy`);
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

function assertNoInlineScript(html: string, page: string): void {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length > 0, `${page} loads a script`);
  for (const [, attributes, content] of scripts) {
    assert.match(attributes!, /\bsrc="/, `${page}: every script is a file`);
    assert.equal(content!.trim(), '', `${page}: no inline script`);
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${page}: no inline event handlers`);
  assert.doesNotMatch(html, /javascript:/i, `${page}: no javascript: URLs`);
}

test('the inbox cannot be framed, runs no inline script and sends no referrer', async () => {
  for (const page of ['/inbox/', '/inbox/invite?token=abc', '/inbox/conversations/1']) {
    const res = await fetch(`${shared.cluster.url}${page}`);
    assert.equal(res.status, 200);
    const policy = csp(res);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assertNoInlineScript(await res.text(), page);
  }
});

test('the widget frame may be framed only by the origins its site allows', async () => {
  const db = shared.cluster.nodes[0]!.server.ctx.storage.db;
  const framePage = `${shared.cluster.url}/widget/frame/index.html?site=${shared.cluster.siteKey}&host=https%3A%2F%2Fshop.example`;

  // The demo site allows any origin (empty list), as the widget's API does.
  let res = await fetch(framePage);
  assert.deepEqual(csp(res).get('frame-ancestors'), ['*']);
  assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options cannot name origins; the CSP decides');
  assert.deepEqual(csp(res).get('script-src'), ["'self'"]);
  assertNoInlineScript(await res.text(), 'widget frame');

  await db.updateTable('sites').set({ allowed_origins: JSON.stringify(['https://shop.example', 'https://evil.example; script-src *', 'not a url']) }).where('site_key', '=', shared.cluster.siteKey).execute();
  try {
    res = await fetch(framePage);
    const ancestors = csp(res).get('frame-ancestors')!;
    assert.ok(ancestors.includes('https://shop.example'));
    assert.ok(!ancestors.includes('*'));
    assert.ok(!ancestors.some((a) => a.includes('evil')), 'a malformed stored origin never reaches the header');
    assert.equal(csp(res).get('script-src')!.join(' '), "'self'");
  } finally {
    await db.updateTable('sites').set({ allowed_origins: '[]' }).where('site_key', '=', shared.cluster.siteKey).execute();
  }

  for (const page of ['/widget/frame/index.html', '/widget/frame/index.html?site=site_unknown']) {
    res = await fetch(`${shared.cluster.url}${page}`);
    assert.deepEqual(csp(res).get('frame-ancestors'), ["'none'"], page);
  }
});

test("/demo runs no inline script but the snippet's window.Parley stub, allowed by its hash, and is not framed", async () => {
  const res = await fetch(`${shared.cluster.url}/demo`);
  const policy = csp(res);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
  assert.ok(!policy.get('script-src')!.includes("'unsafe-inline'"));
  // The browser runs an inline script only when its exact text hashes to a listed source.
  assert.ok(policy.get('script-src')!.includes(`'sha256-${createHash('sha256').update(apiStubScript()).digest('base64')}'`));
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  const html = await res.text();
  const stub = `<script>${apiStubScript()}</script>`;
  assert.ok(html.includes(stub), 'the snippet starts with the stub');
  assertNoInlineScript(html.replace(stub, ''), '/demo');
});

test('API responses and errors are not documents: nosniff, nothing allowed, never framed', async () => {
  for (const path of ['/api/me', '/healthz', '/api/widget/config?siteKey=nope', '/no/such/thing', '/widget.js']) {
    const res = await fetch(`${shared.cluster.url}${path}`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    assert.deepEqual(csp(res).get('default-src'), ["'none'"], path);
    assert.equal(res.headers.get('strict-transport-security'), null, `${path}: no HSTS over plain http`);
  }
});

test('HSTS is sent when the public URL is https', async () => {
  const node = await startNode(shared.cluster.store, { env: { PARLEY_PUBLIC_URL: 'https://chat.example.com' } });
  try {
    for (const path of ['/healthz', '/inbox/']) {
      const res = await fetch(`${node.url}${path}`);
      assert.match(res.headers.get('strict-transport-security') ?? '', /^max-age=\d{7,}/, path);
    }
  } finally {
    await node.close();
  }
});
