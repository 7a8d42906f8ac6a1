/**
 * Sites (A2 Install): create and edit with allowed origins (bare http(s) origins, normalised, at
 * most 50), the widget's origin check against them, the snippet, and "the widget loaded on your
 * site" recorded when a page outside Parley reads the config.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdminSite, Chatflow } from '@parley/protocol';
import { updateChatflow, widgetConfigFor } from './helpers/chatflows.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

async function sites(): Promise<Array<AdminSite & { chatflows: Chatflow[] }>> {
  return (await shared.admin.http('GET', '/api/admin/sites')).body.sites;
}

test('a new site gets normalised origins, a snippet and one unpublished chatflow', async () => {
  const res = await shared.admin.http('POST', '/api/admin/sites', { name: 'Shop', allowedOrigins: ['https://Shop.Example/', 'http://localhost:8080', 'https://shop.example:443'] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const site = res.body.site as AdminSite;
  assert.deepEqual(site.allowedOrigins, ['https://shop.example', 'http://localhost:8080']);
  assert.match(site.siteKey, /^site_/);
  assert.ok(site.embedSnippet.includes(`data-site="${site.siteKey}"`));
  assert.ok(site.embedSnippet.includes('/widget.js'));
  assert.equal(site.widgetSeenAt, null);
  const chatflows = (await shared.admin.http('GET', `/api/admin/chatflows?siteId=${site.id}`)).body.chatflows as Chatflow[];
  assert.equal(chatflows.length, 1);
  assert.equal(chatflows[0]!.published, false);

  // No published chatflow: the widget does not show, and that is not an error.
  const none = await widgetConfigFor(shared.cluster.url, site.siteKey, { url: 'https://shop.example/' }, { origin: 'https://shop.example' });
  assert.equal(none.status, 200);
  assert.deepEqual(none.body, { config: null });
});

test('bad origins are refused and create or change nothing', async () => {
  const count = (await sites()).length;
  const bad: unknown[] = [
    ['https://shop.example/path'],
    ['ftp://shop.example'],
    ['shop.example'],
    ['https://user:pw@shop.example'],
    ['https://shop.example?x=1'],
    Array.from({ length: 51 }, (_, i) => `https://s${i}.example`),
  ];
  for (const allowedOrigins of bad) {
    const res = await shared.admin.http('POST', '/api/admin/sites', { name: 'Bad', allowedOrigins });
    assert.equal(res.status, 400, JSON.stringify(allowedOrigins));
    assert.equal(res.body.error.code, 'validation_failed');
  }
  assert.equal((await sites()).length, count);
  const target = (await sites())[0]!;
  const patch = await shared.admin.http('PATCH', `/api/admin/sites/${target.id}`, { allowedOrigins: ['javascript:alert(1)'] });
  assert.equal(patch.status, 400);
  assert.deepEqual((await sites())[0]!.allowedOrigins, target.allowedOrigins);
  assert.equal((await shared.admin.http('PATCH', '/api/admin/sites/99999', { name: 'Nope' })).status, 404);
});

test('the widget runs only on the allowed origins; the load from a real site is recorded', async () => {
  const created = (await shared.admin.http('POST', '/api/admin/sites', { name: 'Blog', allowedOrigins: ['https://blog.example'] })).body.site as AdminSite;
  const chatflow = (await sites()).find((s) => s.id === created.id)!.chatflows[0]!;
  await updateChatflow(shared.admin.http, chatflow.id, { published: true });
  const url = 'https://blog.example/posts/1';

  const allowed = await widgetConfigFor(shared.cluster.url, created.siteKey, { url }, { origin: 'https://blog.example' });
  assert.equal(allowed.status, 200);
  assert.equal(allowed.body.config.chatflowId, chatflow.id);
  const other = await widgetConfigFor(shared.cluster.url, created.siteKey, { url }, { origin: 'https://evil.example' });
  assert.equal(other.status, 403);
  assert.equal(other.body.error.code, 'origin_not_allowed');
  const unknown = await widgetConfigFor(shared.cluster.url, 'site_nope', { url });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.code, 'site_not_found');

  // Seen: written after the answer, so wait for it.
  const deadline = Date.now() + 5000;
  let seen: AdminSite | undefined;
  while (Date.now() < deadline) {
    seen = (await sites()).find((s) => s.id === created.id);
    if (seen?.widgetSeenAt) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(seen?.widgetSeenAt, 'widgetSeenAt recorded');
  assert.equal(seen!.widgetSeenUrl, url);

  // New origins apply to the very next request.
  const edited = await shared.admin.http('PATCH', `/api/admin/sites/${created.id}`, { name: 'Blog 2', allowedOrigins: ['https://evil.example'] });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.site.name, 'Blog 2');
  assert.equal((await widgetConfigFor(shared.cluster.url, created.siteKey, { url }, { origin: 'https://evil.example' })).status, 200);
  assert.equal((await widgetConfigFor(shared.cluster.url, created.siteKey, { url }, { origin: 'https://blog.example' })).status, 403);
});
