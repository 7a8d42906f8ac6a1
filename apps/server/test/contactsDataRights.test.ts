/**
 * A10 data rights on both drivers: an admin's export of one contact holds the contact, every
 * conversation with its messages (notes and files included), the timeline and the leads; erasure
 * then leaves nothing that identifies the person in any table (every table is read back, and the
 * SQLite search index is queried), in the attachment store or behind the old visitor token.
 * Agents may do neither.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { connectAgent, connectVisitor, createUserAs, createVisitorSession, httpAs } from './helpers/clients.js';
import { DRIVERS } from './helpers/drivers.js';
import { storage } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

/** Everything below identifies the person; none of it may survive erasure. */
const SECRETS = ['zanzibarquokka', 'erase.me@gdpr.example', 'Erasmus', 'Deleteme', 'gdpr-user-77', '+358 50 999 1234', 'Quokka Island Oy', 'quokkapage', 'filebodyquokka', 'notequokka', 'leadquokka'];

async function allTables(): Promise<string[]> {
  const db = storage(shared.cluster);
  const query =
    DRIVERS === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  return (await query.execute(db)).rows.map((r) => r.name);
}

/** Every row of every table as text (bytes read as UTF-8 too). */
async function everyRowAsText(): Promise<Map<string, string>> {
  const db = storage(shared.cluster);
  const out = new Map<string, string>();
  for (const table of await allTables()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out.set(table, JSON.stringify(rows, (_key, value) => (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer' ? Buffer.from((value as { data: number[] }).data).toString('utf8') : value)));
  }
  return out;
}

test('export holds everything about a contact and erasure leaves nothing that identifies them', async () => {
  const { cluster, admin } = shared;
  const secret = (await admin.http('GET', '/api/admin/sites')).body.sites.find((s: any) => s.siteKey === cluster.siteKey).secret as string;

  // Device one: a page view, a chat with a file, identified with a valid hash.
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  const laptop = httpAs(cluster.url, null, session.visitorToken);
  const socket = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, session);
  await socket.rt.send('context.update', { pageUrl: 'https://shop.example/quokkapage', pageTitle: 'The quokkapage' });
  socket.close();
  const sent = await laptop('POST', '/api/widget/messages', { clientMessageId: 'g1', body: 'My zanzibarquokka order never came' });
  const conversationId = sent.body.message.conversationId as number;
  const file = await fetch(`${cluster.url}/api/widget/attachments?name=receipt.txt&clientMessageId=g2`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.visitorToken}`, 'content-type': 'application/octet-stream' },
    body: Buffer.from('filebodyquokka receipt 1234'),
  });
  assert.equal(file.status, 201, await file.clone().text());
  const identified = await laptop('POST', '/api/widget/identify', { id: 'gdpr-user-77', email: 'erase.me@gdpr.example', name: 'Erasmus Deleteme', hash: createHmac('sha256', secret).update('gdpr-user-77').digest('hex') });
  assert.equal(identified.body.status, 'verified');
  // A tablet verified as the same person gets a token of the laptop's visitor.
  const tablet = httpAs(cluster.url, null, (await createVisitorSession(cluster.url, cluster.siteKey)).visitorToken);
  const tabletToken = (await tablet('POST', '/api/widget/identify', { id: 'gdpr-user-77', hash: createHmac('sha256', secret).update('gdpr-user-77').digest('hex') })).body.visitorToken as string;
  assert.equal((await httpAs(cluster.url, null, tabletToken)('GET', '/api/widget/conversation')).body.conversation.id, conversationId);
  await laptop('POST', '/api/widget/properties', { properties: { island: 'Quokka Island Oy' } });
  await laptop('POST', '/api/widget/events', { event: 'viewed zanzibarquokka' });

  // The team answers, notes, edits the contact and books a lead.
  await admin.http('POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: 'a1', body: 'Sorry Erasmus, checking.' });
  await admin.http('POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: 'a2', body: 'notequokka: refund', internal: true });
  const contactId = (await admin.http('GET', `/api/conversations/${conversationId}/contact`)).body.contact.id as number;
  assert.equal((await admin.http('PATCH', `/api/contacts/${contactId}`, { phone: '+358 50 999 1234', organizationName: 'Quokka Island Oy' })).status, 200);
  assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/leads`, { title: 'leadquokka upsell' })).status, 201);
  await admin.http('POST', `/api/conversations/${conversationId}/close`);

  // Device two, same email typed into the chat (captured): a second conversation of the contact.
  const phoneSession = await createVisitorSession(cluster.url, cluster.siteKey);
  const phone = httpAs(cluster.url, null, phoneSession.visitorToken);
  const second = await phone('POST', '/api/widget/messages', { clientMessageId: 'p1', body: 'zanzibarquokka again' });
  await phone('POST', '/api/widget/email', { email: 'ERASE.ME@gdpr.example', name: 'Erasmus' });

  // Someone else, who must survive the erasure untouched.
  const bystander = httpAs(cluster.url, null, (await createVisitorSession(cluster.url, cluster.siteKey)).visitorToken);
  const kept = await bystander('POST', '/api/widget/messages', { clientMessageId: 'k1', body: 'An unrelated question about shipping' });

  const agent = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'rights-agent@example.com', name: 'Agent' }));
  try {
    assert.equal((await agent.http('GET', `/api/contacts/${contactId}/export`)).status, 403);
    assert.equal((await agent.http('DELETE', `/api/contacts/${contactId}`)).status, 403);
  } finally {
    agent.close();
  }

  const exported = await admin.http('GET', `/api/contacts/${contactId}/export`);
  assert.equal(exported.status, 200);
  const data = exported.body;
  assert.equal(data.contact.email, 'erase.me@gdpr.example');
  assert.equal(data.contact.externalId, 'gdpr-user-77');
  assert.equal(data.contact.phone, '+358 50 999 1234');
  assert.deepEqual(data.contact.properties, { island: 'Quokka Island Oy' });
  assert.deepEqual(data.conversations.map((c: any) => c.conversation.id).sort(), [conversationId, second.body.message.conversationId].sort());
  const bodies = data.conversations.flatMap((c: any) => c.messages.map((m: any) => m.body));
  for (const body of ['My zanzibarquokka order never came', 'receipt.txt', 'Sorry Erasmus, checking.', 'notequokka: refund', 'Lead created: leadquokka upsell', 'zanzibarquokka again']) {
    assert.ok(bodies.includes(body), `export has "${body}"`);
  }
  assert.deepEqual(data.events.map((e: any) => [e.kind, e.name]), [['page_view', 'The quokkapage'], ['event', 'viewed zanzibarquokka']]);
  assert.deepEqual(data.leads.map((l: any) => l.title), ['leadquokka upsell']);
  assert.deepEqual(data.consents, []);
  const before = await everyRowAsText();
  assert.ok([...before.values()].some((text) => text.includes('zanzibarquokka')), 'the scan sees what is stored');

  const keys = (await storage(cluster).selectFrom('attachments').select('key').execute()).map((a) => a.key);
  assert.equal((await admin.http('DELETE', `/api/contacts/${contactId}`)).status, 204);

  for (const [table, text] of await everyRowAsText()) {
    for (const word of SECRETS) assert.ok(!text.toLowerCase().includes(word.toLowerCase()), `${table} still holds "${word}"`);
  }
  if (DRIVERS === 'sqlite') {
    const { rows } = await sql`select rowid from messages_fts where messages_fts match 'zanzibarquokka'`.execute(storage(cluster));
    assert.equal(rows.length, 0, 'nothing in the search index');
    for (const key of keys) assert.ok(!fs.existsSync(path.join(cluster.store.dataDir, 'attachments', key)), 'the file is gone from disk');
  }
  assert.equal((await admin.http('GET', `/api/contacts/${contactId}`)).status, 404);
  assert.deepEqual((await admin.http('GET', '/api/search?q=zanzibarquokka')).body, { conversations: [], contacts: [] });
  assert.equal((await laptop('GET', '/api/widget/conversation')).status, 401, 'the old visitor token no longer opens anything');
  assert.equal((await httpAs(cluster.url, null, tabletToken)('GET', '/api/widget/conversation')).status, 401, 'nor the second-device token');
  assert.equal((await storage(cluster).selectFrom('visitor_tokens').select('id').execute()).length, 0);
  assert.equal((await admin.http('GET', `/api/conversations/${kept.body.message.conversationId}`)).status, 200, 'others are untouched');
});
