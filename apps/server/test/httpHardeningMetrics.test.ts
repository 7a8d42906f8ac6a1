/**
 * Issue 8, hole 10: behind a reverse proxy on the same host every request comes from loopback,
 * so with PARLEY_TRUST_PROXY on, /metrics needs the bearer token, and without a configured
 * token it is refused with a message that says what to do.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCluster, startNode, type TestCluster } from './helpers/testServer.js';

let cluster: TestCluster;
before(async () => {
  cluster = await startCluster();
});
after(async () => {
  await cluster.close();
});

async function scrape(baseUrl: string, authorization?: string) {
  const res = await fetch(`${baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
  const text = await res.text();
  return { status: res.status, text };
}

test('without a proxy, loopback scrapes without a token (unchanged)', async () => {
  const res = await scrape(cluster.url);
  assert.equal(res.status, 200);
  assert.match(res.text, /parley_/);
});

test('behind a proxy with no token configured, /metrics is refused for everyone, with the fix in the message', async () => {
  const node = await startNode(cluster.store, { env: { PARLEY_TRUST_PROXY: 'true' } });
  try {
    for (const headers of [undefined, 'Bearer anything']) {
      const res = await scrape(node.url, headers);
      assert.equal(res.status, 403);
      const body = JSON.parse(res.text);
      assert.equal(body.error.code, 'forbidden');
      assert.match(body.error.detail, /PARLEY_METRICS_TOKEN/);
    }
  } finally {
    await node.close();
  }
});

test('behind a proxy with a token, only the token opens /metrics, even from loopback', async () => {
  const node = await startNode(cluster.store, { env: { PARLEY_TRUST_PROXY: 'true', PARLEY_METRICS_TOKEN: 'scrape-token-1' } });
  try {
    assert.equal((await scrape(node.url)).status, 403);
    assert.equal((await scrape(node.url, 'Bearer scrape-token-2')).status, 403);
    assert.equal((await scrape(node.url, 'Bearer scrape-token-1x')).status, 403);
    const ok = await scrape(node.url, 'Bearer scrape-token-1');
    assert.equal(ok.status, 200);
    assert.match(ok.text, /parley_/);
  } finally {
    await node.close();
  }
});
