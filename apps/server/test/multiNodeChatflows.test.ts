/**
 * Unpublishing reaches widgets on every node: a loader's availability stream is open on node B,
 * an editor unpublishes its chatflow through node A, and node B sends the `config` event (the
 * workspace poke travels through Redis), after which node B's config answer no longer shows it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoSite, updateChatflow, widgetConfigFor } from './helpers/chatflows.js';
import { connectAgent, type AgentClient } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { openSse } from './helpers/sseReader.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

let cluster: TestCluster;
let admin: AgentClient;

before(async () => {
  cluster = await startCluster({ nodes: 2, store: await freshStore('postgres') });
  admin = await connectAgent(cluster.nodes[0]!.url, cluster.nodes[0]!.wsUrl);
});

after(async () => {
  admin.close();
  await cluster.close();
});

test('a chatflow unpublished on node A sends a config event to a stream on node B', async () => {
  const nodeB = cluster.nodes[1]!;
  const chatflow = (await demoSite(admin.http)).chatflows[0]!;
  const url = 'https://shop.example/';
  assert.equal((await widgetConfigFor(nodeB.url, cluster.siteKey, { url })).body.config.chatflowId, chatflow.id);

  const stream = await openSse(`${nodeB.url}/api/widget/availability?siteKey=${cluster.siteKey}&chatflowId=${chatflow.id}`);
  try {
    await stream.waitFor((e) => e.event === 'config' && e.data.version === chatflow.updatedAt);
    const unpublished = await updateChatflow(admin.http, chatflow.id, { published: false });
    const event = await stream.waitFor((e) => e.event === 'config' && e.data.version === unpublished.updatedAt, 10_000);
    assert.equal(event.data.chatflowId, chatflow.id);
    assert.deepEqual((await widgetConfigFor(nodeB.url, cluster.siteKey, { url })).body, { config: null });
  } finally {
    stream.close();
  }
});
