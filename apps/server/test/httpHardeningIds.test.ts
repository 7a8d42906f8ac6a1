/**
 * Issue 8, hole 8: a resource has one URL. Ids in paths (and integers in query strings) are
 * positive integers in plain decimal; "1.9", "1e0", "0x1", " 1", "01" and "+1" are refused with
 * validation_failed instead of being read as 1.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpAs } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

/** Spellings of `id` that Number() accepts but that are not the canonical decimal form. */
function looseSpellings(id: number): string[] {
  return [`${id}.9`, `${id}.0`, `${id}e0`, `0x${id.toString(16)}`, `%20${id}`, `${id}%20`, `0${id}`, `+${id}`, `${id}n`, '', '0', '-1', '9007199254740993'];
}

async function visitorConversation(): Promise<{ conversationId: number; visitorToken: string }> {
  const session = await httpAs(shared.cluster.url, null)('POST', '/api/widget/session', { siteKey: shared.cluster.siteKey });
  const visitor = httpAs(shared.cluster.url, null, session.body.visitorToken);
  const sent = await visitor('POST', '/api/widget/messages', { clientMessageId: 'ids-1', body: 'hello' });
  assert.equal(sent.status, 201);
  return { conversationId: sent.body.message.conversationId, visitorToken: session.body.visitorToken };
}

test('a conversation answers only to its canonical id', async () => {
  const { conversationId } = await visitorConversation();
  const ok = await shared.admin.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(ok.status, 200);
  for (const spelling of looseSpellings(conversationId)) {
    const res = await shared.admin.http('GET', `/api/conversations/${spelling}`);
    // An empty id is a different route (the list, which needs ?view=); anything else is the id route.
    assert.equal(res.status, 400, `GET /api/conversations/${spelling} → ${res.status}`);
    if (spelling !== '') assert.equal(res.body.error.code, 'validation_failed', spelling);
  }
});

test('every :id route refuses loose ids before authorising or acting', async () => {
  const { conversationId, visitorToken } = await visitorConversation();
  const admin = shared.admin.http;
  const visitor = httpAs(shared.cluster.url, null, visitorToken);
  const before = (await admin('GET', `/api/conversations/${conversationId}`)).body;
  const routes: Array<[string, (id: string) => string, unknown, typeof admin]> = [
    ['POST', (id) => `/api/conversations/${id}/messages`, { clientMessageId: 'x', body: 'hi' }, admin],
    ['POST', (id) => `/api/conversations/${id}/assign`, { userId: null }, admin],
    ['POST', (id) => `/api/conversations/${id}/close`, undefined, admin],
    ['PUT', (id) => `/api/conversations/${id}/owner`, { userId: null }, admin],
    ['POST', (id) => `/api/offers/${id}/accept`, undefined, admin],
    ['POST', (id) => `/api/offers/${id}/decline`, undefined, admin],
    ['PATCH', (id) => `/api/admin/users/${id}`, { name: 'Renamed' }, admin],
    ['PUT', (id) => `/api/admin/teams/${id}`, { name: 'T', memberIds: [] }, admin],
    ['DELETE', (id) => `/api/admin/teams/${id}`, undefined, admin],
    ['PATCH', (id) => `/api/admin/chatflows/${id}`, {}, admin],
    ['POST', (id) => `/api/widget/conversations/${id}/end`, undefined, visitor],
  ];
  for (const [method, path, body, as] of routes) {
    for (const spelling of [`${conversationId}.0`, `${conversationId}e0`, `0x${conversationId.toString(16)}`, `%20${conversationId}`, `0${conversationId}`]) {
      const res = await as(method, path(spelling), body);
      assert.equal(res.status, 400, `${method} ${path(spelling)} → ${res.status}`);
      assert.equal(res.body.error.code, 'validation_failed', `${method} ${path(spelling)}`);
    }
  }
  // Nothing above acted: the conversation is still open and unchanged.
  const after = (await admin('GET', `/api/conversations/${conversationId}`)).body;
  assert.equal(after.conversation.status, 'open');
  // (Routing may offer it meanwhile, so only what these routes could change is compared.)
  assert.deepEqual(after.messages, before.messages);
});

test('integers in query strings are canonical too', async () => {
  assert.equal((await shared.admin.http('GET', '/api/conversations?view=all&limit=10')).status, 200);
  for (const limit of ['1e1', '10.0', '0xa', '%2010', '010']) {
    const res = await shared.admin.http('GET', `/api/conversations?view=all&limit=${limit}`);
    assert.equal(res.status, 400, `limit=${limit}`);
    assert.equal(res.body.error.code, 'validation_failed');
  }
});
