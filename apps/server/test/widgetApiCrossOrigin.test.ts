/**
 * W15: the JavaScript API runs on the customer's page, so its writes arrive from another origin
 * with the visitor token in a header. The cookie CSRF check (sameOriginWrites) must let the
 * widget's bearer-token routes through, with CORS, while cookie-authenticated writes from another
 * origin stay refused. Both drivers.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { storage } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();
const SHOP = 'https://shop.example';

async function postFromShop(path: string, body: unknown, token?: string): Promise<{ status: number; body: any; cors: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: SHOP };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${shared.cluster.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, cors: res.headers.get('access-control-allow-origin') };
}

test("a customer's page makes a visitor, identifies it, sets properties and tracks an event", async () => {
  const { cluster, admin } = shared;
  const sites = (await admin.http('GET', '/api/admin/sites')).body.sites as Array<{ siteKey: string; secret: string }>;
  const secret = sites.find((site) => site.siteKey === cluster.siteKey)!.secret;

  const session = await postFromShop('/api/widget/session', { siteKey: cluster.siteKey });
  assert.equal(session.status, 200, JSON.stringify(session.body));
  assert.equal(session.cors, '*');
  const token = session.body.visitorToken as string;

  const hash = createHmac('sha256', secret).update('shop-user-1').digest('hex');
  const identified = await postFromShop('/api/widget/identify', { id: 'shop-user-1', email: 'shopper@example.com', name: 'Shopper', hash }, token);
  assert.equal(identified.status, 200, JSON.stringify(identified.body));
  assert.equal(identified.body.status, 'verified');
  assert.equal((await postFromShop('/api/widget/properties', { properties: { plan: 'pro' } }, token)).status, 204);
  assert.equal((await postFromShop('/api/widget/events', { event: 'checkout', properties: { total: '12' } }, token)).status, 204);

  const contact = await storage(cluster).selectFrom('contacts').selectAll().where('external_id', '=', 'shop-user-1').executeTakeFirstOrThrow();
  assert.equal(contact.email, 'shopper@example.com');
  assert.deepEqual(JSON.parse(contact.properties), { plan: 'pro' });
  const events = await storage(cluster).selectFrom('contact_events').select(['name']).where('visitor_id', '=', session.body.visitorId).execute();
  assert.ok(events.some((event) => event.name === 'checkout'));

  // Without a token the route still refuses, from anywhere.
  assert.equal((await postFromShop('/api/widget/properties', { properties: { plan: 'free' } })).status, 401);
});

test('cookie-authenticated writes from that origin are still refused', async () => {
  const { cluster, admin } = shared;
  const sites = (await admin.http('GET', '/api/admin/sites')).body.sites as Array<{ id: number; siteKey: string; secret: string }>;
  const before = sites.find((site) => site.siteKey === cluster.siteKey)!;
  const res = await fetch(`${cluster.url}/api/admin/sites/${before.id}/secret/rotate`, { method: 'POST', headers: { cookie: admin.cookie, origin: SHOP } });
  assert.equal(res.status, 403);
  const after = (await admin.http('GET', '/api/admin/sites')).body.sites.find((site: { id: number }) => site.id === before.id);
  assert.equal(after.secret, before.secret, 'not rotated');
});
