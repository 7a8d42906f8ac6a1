/**
 * A3: only admins and users granted `chatflows:edit` change chatflows and sites; everyone signed
 * in reads them. An agent without the grant gets 403 on every write and nothing changes; once an
 * admin grants it, the same requests succeed without signing in again. A1: the setup flag.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Chatflow } from '@parley/protocol';
import { demoSite } from './helpers/chatflows.js';
import { connectAgent, createUserAs, login, httpAs, type AgentClient } from './helpers/clients.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

let cluster: TestCluster;
let admin: AgentClient;
let agent: ReturnType<typeof httpAs>;
let agentId: number;

before(async () => {
  cluster = await startCluster();
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  const creds = await createUserAs(admin, { email: 'editor@example.com', name: 'Eddie' });
  agentId = creds.id;
  const session = await login(cluster.url, creds.email, creds.password);
  agent = httpAs(cluster.url, session.cookie);
});

after(async () => {
  admin.close();
  await cluster.close();
});

/** Every chatflow and site write, with a body that would succeed for an editor. */
function writes(siteId: number, chatflow: Chatflow): Array<[string, string, unknown]> {
  return [
    ['POST', '/api/admin/chatflows', { siteId, name: 'By agent' }],
    ['PATCH', `/api/admin/chatflows/${chatflow.id}`, { name: 'Renamed by agent', published: false }],
    ['POST', `/api/admin/chatflows/${chatflow.id}/duplicate`, undefined],
    ['PUT', `/api/admin/sites/${siteId}/chatflow-order`, { chatflowIds: [chatflow.id] }],
    ['POST', '/api/admin/sites', { name: 'Agent site', allowedOrigins: [] }],
    ['PATCH', `/api/admin/sites/${siteId}`, { name: 'Renamed site' }],
    ['DELETE', `/api/admin/chatflows/${chatflow.id}`, undefined],
  ];
}

async function snapshot() {
  const sites = (await admin.http('GET', '/api/admin/sites')).body.sites;
  return JSON.stringify(sites.map((s: any) => ({ ...s, widgetSeenAt: null, widgetSeenUrl: null })));
}

test('an agent without chatflows:edit reads chatflows and sites but every write is 403 and changes nothing', async () => {
  const site = await demoSite(admin.http);
  const chatflow = site.chatflows[0]!;
  const before = await snapshot();
  assert.equal((await agent('GET', '/api/admin/sites')).status, 200);
  assert.equal((await agent('GET', '/api/admin/chatflows')).body.chatflows.length, 1);
  assert.equal((await agent('GET', `/api/admin/chatflows/${chatflow.id}`)).status, 200);
  for (const [method, path, body] of writes(site.id, chatflow)) {
    const res = await agent(method, path, body);
    assert.equal(res.status, 403, `${method} ${path}`);
    assert.equal(res.body.error.code, 'forbidden');
  }
  assert.equal((await agent('POST', '/api/admin/setup/complete')).status, 403, 'setup is for admins');
  assert.equal(await snapshot(), before);
});

test('permissions are validated, shown in the user summary, and a grant counts at once', async () => {
  const bad = await admin.http('PATCH', `/api/admin/users/${agentId}`, { permissions: ['chatflows:delete'] });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'validation_failed');
  const selfGrant = await agent('PATCH', `/api/admin/users/${agentId}`, { permissions: ['chatflows:edit'] });
  assert.equal(selfGrant.status, 403, 'only admins grant');

  const granted = await admin.http('PATCH', `/api/admin/users/${agentId}`, { permissions: ['chatflows:edit'] });
  assert.equal(granted.status, 200);
  assert.deepEqual(granted.body.user.permissions, ['chatflows:edit']);
  assert.deepEqual((await agent('GET', '/api/me')).body.user.permissions, ['chatflows:edit']);

  const site = await demoSite(admin.http);
  const created = await agent('POST', '/api/admin/chatflows', { siteId: site.id, name: 'By agent' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const renamed = await agent('PATCH', `/api/admin/chatflows/${created.body.chatflow.id}`, { name: 'Renamed by agent' });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.body.chatflow.name, 'Renamed by agent');
  assert.equal((await agent('PATCH', `/api/admin/sites/${site.id}`, { name: 'Shop' })).body.site.name, 'Shop');
  assert.equal((await agent('DELETE', `/api/admin/chatflows/${created.body.chatflow.id}`)).status, 204);

  // Revoked: the very next request is refused.
  await admin.http('PATCH', `/api/admin/users/${agentId}`, { permissions: [] });
  const refused = await agent('POST', '/api/admin/chatflows', { siteId: site.id, name: 'Again' });
  assert.equal(refused.status, 403);
});

test('setup: the helpers finish it; a fresh workspace has it open until an admin completes it', async () => {
  assert.equal((await admin.http('GET', '/api/me')).body.workspace.setupCompleted, true);
  const fresh = await startCluster({ setupCompleted: false });
  try {
    const session = await login(fresh.url);
    const http = httpAs(fresh.url, session.cookie);
    assert.equal((await http('GET', '/api/me')).body.workspace.setupCompleted, false);
    const done = await http('POST', '/api/admin/setup/complete');
    assert.equal(done.status, 200);
    assert.equal(done.body.workspace.setupCompleted, true);
    assert.equal((await http('GET', '/api/me')).body.workspace.setupCompleted, true);
    // The first start's demo chatflow is published, so the demo page chats at once.
    const site = await demoSite(http);
    assert.equal(site.chatflows.length, 1);
    assert.equal(site.chatflows[0]!.published, true);
  } finally {
    await fresh.close();
  }
});
