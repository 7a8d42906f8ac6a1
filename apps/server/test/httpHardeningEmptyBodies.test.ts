/**
 * Issue 8, hole 5: every documented route answers an empty or partial body with a 4xx or a
 * no-op, never a 5xx. The routes come from the OpenAPI document, so a route added later is
 * covered without touching this test. Each is called anonymously, as the signed-in admin and as
 * a visitor, with `{}`, `[]`, `null` and no body at all; `{id}` is an id that exists.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpAs, login } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

type Auth = { name: string; headers: () => Promise<Record<string, string>> };

/** An existing id for the resource a path names (the first path segment after /api[/admin|/widget]). */
async function existingIds(): Promise<Record<string, number>> {
  const admin = shared.admin.http;
  const session = await httpAs(shared.cluster.url, null)('POST', '/api/widget/session', { siteKey: shared.cluster.siteKey });
  const visitor = httpAs(shared.cluster.url, null, session.body.visitorToken);
  const sent = await visitor('POST', '/api/widget/messages', { clientMessageId: 'empty-1', body: 'hello' });
  const team = await admin('POST', '/api/admin/teams', { name: 'Empty bodies', memberIds: [shared.admin.userId] });
  const sites = await admin('GET', '/api/admin/sites');
  const db = shared.cluster.nodes[0]!.server.ctx.storage.db;
  const offer = await db.selectFrom('offers').select('id').orderBy('id').executeTakeFirst();
  return {
    conversations: sent.body.message.conversationId,
    offers: offer?.id ?? 1,
    users: shared.admin.userId,
    teams: team.body.team.id,
    chatflows: sites.body.sites[0].chatflows[0].id,
    visitorToken: session.body.visitorToken,
  };
}

function fillPath(path: string, ids: Record<string, number>): string {
  const resource = path.replace(/^\/api\/(admin\/|widget\/)?/, '').split('/')[0]!;
  return path.replace('{id}', String(ids[resource] ?? 1));
}

test('no documented route answers {} or a missing body with a 5xx', async () => {
  const ids = await existingIds();
  const doc = (await (await fetch(`${shared.cluster.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  assert.ok(routes.length >= 25, `the OpenAPI document lists the routes (${routes.length})`);
  assert.ok(routes.some((r) => r.method === 'PATCH' && r.path === '/api/admin/users/{id}'));

  const auths: Auth[] = [
    { name: 'anonymous', headers: async () => ({}) },
    // A fresh session per request: one of the routes is sign-out.
    { name: 'admin', headers: async () => ({ cookie: (await login(shared.cluster.url)).cookie }) },
    { name: 'visitor', headers: async () => ({ authorization: `Bearer ${ids.visitorToken}` }) },
  ];
  const bodies: Array<string | undefined> = ['{}', '[]', 'null', undefined];
  const failures: string[] = [];
  let calls = 0;
  for (const { method, path } of routes) {
    const url = `${shared.cluster.url}${fillPath(path, ids)}`;
    for (const auth of auths) {
      for (const body of method === 'GET' || method === 'HEAD' ? [undefined] : bodies) {
        const headers = await auth.headers();
        if (body !== undefined) headers['content-type'] = 'application/json';
        const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(5000) });
        // Server-sent event streams stay open; their status is what matters.
        if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) await res.body?.cancel();
        else await res.arrayBuffer();
        calls++;
        if (res.status >= 500) failures.push(`${method} ${path} as ${auth.name} with ${body ?? 'no body'} → ${res.status}`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${calls} calls failed`);
});

test('PATCH /api/admin/users/:id with {} is a no-op that returns the user', async () => {
  // A fresh session: the sweep above called "sign out of all other sessions" as the admin.
  const admin = httpAs(shared.cluster.url, (await login(shared.cluster.url)).cookie);
  const before = await admin('GET', '/api/users');
  const res = await admin('PATCH', `/api/admin/users/${shared.admin.userId}`, {});
  assert.equal(res.status, 200);
  assert.equal(res.body.user.id, shared.admin.userId);
  const after = await admin('GET', '/api/users');
  assert.deepEqual(after.body, before.body);
});
