/**
 * A10 retention on both drivers: with retentionDays set, a durable `retention:<workspace>` deadline
 * deletes closed conversations older than that (messages included), keeps newer and open ones,
 * reschedules itself a day later, fires once after a restart, and stops when the policy is
 * cleared. Only admins set it; bad values change nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, createUserAs } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { ManualClock } from './helpers/manualClock.js';
import { settle, storage, visitorWrites } from './helpers/routing.js';
import { startCluster, startNode } from './helpers/testServer.js';

const DAY = 24 * 60 * 60 * 1000;

test('retention deletes closed conversations older than N days, once, also after a restart', async () => {
  const clock = new ManualClock();
  const store = await freshStore();
  const cluster = await startCluster({ store, clock: clock.now });
  try {
    let admin = await connectAgent(cluster.url, cluster.wsUrl);
    const agent = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'retention-agent@example.com', name: 'Agent' }));
    assert.deepEqual((await admin.http('GET', '/api/admin/retention')).body, { retentionDays: null }, 'kept forever by default');
    assert.equal((await agent.http('PUT', '/api/admin/retention', { retentionDays: 30 })).status, 403);
    agent.close();
    for (const retentionDays of [0, 3661, 1.5, '30', -1]) {
      const bad = await admin.http('PUT', '/api/admin/retention', { retentionDays });
      assert.equal(bad.status, 400, String(retentionDays));
      assert.equal(bad.body.error.code, 'validation_failed');
    }
    assert.deepEqual((await admin.http('GET', '/api/admin/retention')).body, { retentionDays: null });

    const old = await visitorWrites(cluster, 'An old question');
    assert.equal((await admin.http('POST', `/api/conversations/${old.conversationId}/close`)).status, 200);
    clock.advance(20 * DAY);
    // Sessions do not last 20 days: sign in again.
    admin.close();
    admin = await connectAgent(cluster.url, cluster.wsUrl);
    const recent = await visitorWrites(cluster, 'A recent question');
    assert.equal((await admin.http('POST', `/api/conversations/${recent.conversationId}/close`)).status, 200);

    const set = await admin.http('PUT', '/api/admin/retention', { retentionDays: 30 });
    assert.deepEqual([set.status, set.body], [200, { retentionDays: 30 }]);
    await settle(cluster);
    const db = () => storage(cluster);
    const ids = async () => (await db().selectFrom('conversations').select('id').orderBy('id').execute()).map((c) => Number(c.id));
    const deadlines = async () => (await db().selectFrom('deadlines').select(['key', 'due_at']).where('key', 'like', 'retention:%').execute()).map((d) => ({ key: d.key, due: Number(d.due_at) }));
    assert.deepEqual(await ids(), [old.conversationId, recent.conversationId], 'nothing is 30 days old yet');
    const workspaceId = (await db().selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id;
    assert.deepEqual(await deadlines(), [{ key: `retention:${workspaceId}`, due: clock.now() + DAY }], 'one durable deadline, a day later');
    admin.close();

    // Down past the next run, and the old chat passes 30 days meanwhile; the new node runs it once.
    await cluster.nodes[0]!.close();
    clock.advance(11 * DAY);
    cluster.nodes[0] = await startNode(store, { clock: clock.now });
    const open = await visitorWrites(cluster, 'Still talking');
    await settle(cluster);
    assert.deepEqual(await ids(), [recent.conversationId, open.conversationId], 'the old closed chat is gone, the newer and the open ones stay');
    assert.equal((await db().selectFrom('messages').select('id').where('conversation_id', '=', old.conversationId).execute()).length, 0);
    assert.deepEqual(await deadlines(), [{ key: `retention:${workspaceId}`, due: clock.now() + DAY }], 'fired once and rescheduled');
    await settle(cluster);
    assert.deepEqual(await deadlines(), [{ key: `retention:${workspaceId}`, due: clock.now() + DAY }], 'not again until then');

    admin = await connectAgent(cluster.nodes[0]!.url, cluster.nodes[0]!.wsUrl);
    assert.deepEqual((await admin.http('PUT', '/api/admin/retention', { retentionDays: null })).body, { retentionDays: null });
    assert.deepEqual(await deadlines(), [], 'cleared: no more runs');
    clock.advance(60 * DAY);
    await settle(cluster);
    assert.ok((await ids()).includes(recent.conversationId), 'kept forever again');
    admin.close();
  } finally {
    await cluster.close();
  }
});
