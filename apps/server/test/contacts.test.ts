/**
 * Contacts (issue 10) over real HTTP and sockets on both drivers: email capture makes or links a
 * contact whatever the case of the email, concurrent captures never make two, the sidebar and the
 * Contacts API follow the I3 read rule, edits are live, and leads/deals leave an internal line
 * without closing the chat.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, createUserAs, createVisitorSession, httpAs } from './helpers/clients.js';
import { storage, visitorWrites } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

async function capture(visitor: { http: ReturnType<typeof httpAs> }, email: string, name?: string) {
  return visitor.http('POST', '/api/widget/email', name === undefined ? { email } : { email, name });
}

test('a captured email makes a contact, and the same email in another case links to it with its conversations', async () => {
  const { cluster, admin } = shared;
  const first = await visitorWrites(cluster, 'Hello from the first tab');
  assert.equal((await capture(first, 'Ada.Lovelace@Example.com', 'Ada')).status, 204);
  const second = await visitorWrites(cluster, 'Hello again from my phone');
  assert.equal((await capture(second, 'ada.lovelace@EXAMPLE.COM')).status, 204);

  const found = await admin.http('GET', `/api/contacts?query=${encodeURIComponent('LOVELACE@example')}`);
  assert.equal(found.status, 200);
  assert.equal(found.body.contacts.length, 1, 'one contact for both spellings');
  const contact = found.body.contacts[0];
  assert.equal(contact.email, 'Ada.Lovelace@Example.com', 'the email as first given');
  assert.equal(contact.firstName, 'Ada');

  const detail = await admin.http('GET', `/api/contacts/${contact.id}`);
  assert.deepEqual(detail.body.conversations.map((c: { id: number }) => c.id).sort(), [first.conversationId, second.conversationId].sort());
  const sidebar = await admin.http('GET', `/api/conversations/${second.conversationId}/contact`);
  assert.equal(sidebar.status, 200);
  assert.equal(sidebar.body.contact.id, contact.id);
  assert.equal(sidebar.body.conversations.length, 2, 'previous conversations to open');

  // A conversation of a visitor who is nobody yet: no contact, nothing else revealed.
  const stranger = await visitorWrites(cluster, 'Just looking');
  assert.deepEqual((await admin.http('GET', `/api/conversations/${stranger.conversationId}/contact`)).body, { contact: null, conversations: [], events: [], leads: [] });

  // Bad emails are refused and change nothing.
  const bad = await capture(stranger, 'not an email');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'validation_failed');
  assert.equal((await admin.http('GET', `/api/conversations/${stranger.conversationId}/contact`)).body.contact, null);
});

test('concurrent captures of one email in different cases never make two contacts', async () => {
  const { cluster } = shared;
  const spellings = ['grace@hopper.example', 'Grace@Hopper.example', 'GRACE@HOPPER.EXAMPLE', 'grace@HOPPER.example'];
  const visitors = await Promise.all(Array.from({ length: 12 }, async () => {
    const session = await createVisitorSession(cluster.url, cluster.siteKey);
    return { ...session, http: httpAs(cluster.url, null, session.visitorToken) };
  }));
  const answers = await Promise.all(visitors.map((visitor, i) => capture(visitor, spellings[i % spellings.length]!)));
  assert.deepEqual(answers.map((a) => a.status), visitors.map(() => 204));
  const rows = await storage(cluster).selectFrom('contacts').select(['id', 'email_key']).where('email_key', '=', 'grace@hopper.example').execute();
  assert.equal(rows.length, 1);
  const linked = await storage(cluster).selectFrom('visitors').select('contact_id').where('id', 'in', visitors.map((v) => v.visitorId)).execute();
  assert.ok(linked.every((v) => Number(v.contact_id) === Number(rows[0]!.id)), 'every visitor is linked to the one contact');
});

test('an agent reads contacts only through conversations they may open; edits are checked and live', async () => {
  const { cluster, admin } = shared;
  const ann = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'ann-contacts@example.com', name: 'Ann' }));
  const bob = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'bob-contacts@example.com', name: 'Bob' }));
  try {
    const visitor = await visitorWrites(cluster, 'I need a quote for 40 seats');
    assert.equal((await capture(visitor, 'quote@buyer.example', 'Quinn')).status, 204);
    const contactId = (await admin.http('GET', '/api/contacts?query=quinn')).body.contacts[0].id;
    // Unassigned: every agent may open the chat, so the contact too.
    assert.equal((await ann.http('GET', `/api/contacts/${contactId}`)).status, 200);

    assert.equal((await admin.http('POST', `/api/conversations/${visitor.conversationId}/assign`, { userId: bob.userId })).status, 200);
    for (const path of [`/api/contacts/${contactId}`, `/api/conversations/${visitor.conversationId}/contact`]) {
      const refused = await ann.http('GET', path);
      assert.equal(refused.status, 403, path);
      assert.equal(refused.body.error.code, 'forbidden');
    }
    assert.deepEqual((await ann.http('GET', '/api/contacts?query=quinn')).body.contacts, []);
    assert.deepEqual((await ann.http('GET', '/api/search?q=quinn')).body.contacts, [], 'search has the same rule');
    assert.equal((await ann.http('PATCH', `/api/contacts/${contactId}`, { phone: '+358 40 123' })).status, 403);
    assert.equal((await bob.http('GET', '/api/contacts?query=quinn')).body.contacts.length, 1, 'the assignee may');
    assert.equal((await bob.http('GET', '/api/search?q=quote@buyer')).body.contacts[0].contactId, contactId);

    const edited = await bob.http('PATCH', `/api/contacts/${contactId}`, {
      lastName: 'Buyer',
      phone: '+358 40 123 4567',
      organizationName: 'Buyer Oy',
      organizationAddress: 'Mannerheimintie 1\n00100 Helsinki',
      note: 'Wants 40 seats',
      dealValue: '12000.50',
      currency: 'EUR',
      expectedCloseDate: '2027-03-31',
      properties: { plan: 'team', seats: '40' },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.contact.displayName, 'Quinn Buyer');
    assert.deepEqual(edited.body.contact.organization, { name: 'Buyer Oy', address: 'Mannerheimintie 1\n00100 Helsinki' });
    assert.equal((await admin.log.waitForEvent('contact.updated', (d) => d.contact.id === contactId && d.contact.phone === '+358 40 123 4567')).name, 'contact.updated');
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!ann.log.events.some((e) => e.name === 'contact.updated' && e.data.contact.id === contactId && e.data.contact.phone), 'not sent to an agent who may not read it');
    assert.equal((await bob.http('GET', '/api/contacts?query=4567')).body.contacts.length, 1, 'found by phone');
    // The contact owner is the visitors' owner too (R1 contact-owner routing).
    assert.equal((await bob.http('PATCH', `/api/contacts/${contactId}`, { ownerId: bob.userId })).body.contact.ownerId, bob.userId);
    const owned = await storage(cluster).selectFrom('visitors').select('owner_id').where('id', '=', visitor.visitorId).executeTakeFirstOrThrow();
    assert.equal(Number(owned.owner_id), bob.userId);
    assert.equal((await bob.http('GET', `/api/conversations/${visitor.conversationId}`)).body.conversation.visitor.ownerId, bob.userId);

    for (const [body, field] of [
      [{ expectedCloseDate: '2027-02-30' }, 'expectedCloseDate'],
      [{ email: 'two@@x' }, 'email'],
      [{ dealValue: '1e5' }, 'dealValue'],
      [{ ownerId: 999999 }, 'ownerId'],
    ] as const) {
      const res = await bob.http('PATCH', `/api/contacts/${contactId}`, body);
      assert.equal(res.status, 400, field);
      assert.equal(res.body.error.code, 'validation_failed');
    }
    const other = await visitorWrites(cluster, 'Me too');
    await capture(other, 'taken@buyer.example');
    const taken = await admin.http('PATCH', `/api/contacts/${contactId}`, { email: 'TAKEN@buyer.example' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'contact_email_taken');
    assert.equal((await admin.http('GET', `/api/contacts/${contactId}`)).body.contact.email, 'quote@buyer.example', 'unchanged');

    // Closed chats are readable by every agent (I3), so the contact is again.
    assert.equal((await admin.http('POST', `/api/conversations/${visitor.conversationId}/close`)).status, 200);
    assert.equal((await ann.http('GET', `/api/contacts/${contactId}`)).status, 200);
    assert.equal((await ann.http('PATCH', `/api/contacts/${contactId}`, { note: 'Edited after close' })).status, 200, 'editable on closed conversations');
  } finally {
    ann.close();
    bob.close();
  }
});

test('create lead and create deal leave an internal line, keep the chat open, and appear in their lists', async () => {
  const { cluster, admin } = shared;
  const visitor = await visitorWrites(cluster, 'We would like a demo');
  await capture(visitor, 'demo@lead.example', 'Dana');
  const lead = await admin.http('POST', `/api/conversations/${visitor.conversationId}/leads`, { title: 'Demo for Dana', value: '500', currency: 'EUR' });
  assert.equal(lead.status, 201, JSON.stringify(lead.body));
  assert.equal(lead.body.lead.kind, 'lead');
  assert.equal(lead.body.lead.contactName, 'Dana');
  assert.equal(lead.body.lead.status, 'open');
  const deal = await admin.http('POST', `/api/conversations/${visitor.conversationId}/deals`, { title: 'Team plan', expectedCloseDate: '2027-01-15' });
  assert.equal(deal.status, 201);

  const thread = await admin.http('GET', `/api/conversations/${visitor.conversationId}`);
  assert.equal(thread.body.conversation.status, 'open', 'the chat stays open');
  const lines = thread.body.messages.filter((m: any) => m.notice?.type === 'leadCreated' || m.notice?.type === 'dealCreated');
  assert.deepEqual(lines.map((m: any) => [m.body, m.internal, m.notice.leadId]), [
    ['Lead created: Demo for Dana', true, lead.body.lead.id],
    ['Deal created: Team plan', true, deal.body.lead.id],
  ]);
  assert.ok(lines.every((m: any) => typeof m.createdAt === 'number'));
  const seen = await visitor.http('GET', '/api/widget/conversation');
  assert.ok(!seen.body.messages.some((m: any) => m.notice?.type === 'leadCreated' || m.notice?.type === 'dealCreated'), 'the visitor never sees the pipeline');

  assert.deepEqual((await admin.http('GET', '/api/leads')).body.leads.map((l: any) => l.id), [lead.body.lead.id]);
  assert.deepEqual((await admin.http('GET', '/api/deals')).body.leads.map((l: any) => l.id), [deal.body.lead.id]);
  assert.equal((await admin.http('GET', '/api/deals?status=won')).body.leads.length, 0);
  const sidebar = await admin.http('GET', `/api/conversations/${visitor.conversationId}/contact`);
  assert.equal(sidebar.body.leads.length, 2);

  const won = await admin.http('PATCH', `/api/deals/${deal.body.lead.id}`, { status: 'won', value: '9000', currency: 'EUR' });
  assert.equal(won.status, 200, JSON.stringify(won.body));
  assert.deepEqual([won.body.lead.status, won.body.lead.value, won.body.lead.title], ['won', '9000', 'Team plan']);
  assert.equal((await admin.log.waitForEvent('lead.updated', (d) => d.lead.id === deal.body.lead.id)).data.lead.status, 'won');
  assert.deepEqual((await admin.http('GET', '/api/deals?status=won')).body.leads.map((l: any) => l.id), [deal.body.lead.id]);
  assert.equal((await admin.http('PATCH', `/api/leads/${deal.body.lead.id}`, { status: 'lost' })).status, 404, 'a deal is not a lead');
  assert.equal((await admin.http('PATCH', `/api/deals/${deal.body.lead.id}`, { status: 'maybe' })).status, 400);

  const refused = await admin.http('POST', `/api/conversations/${visitor.conversationId}/leads`, { title: '   ' });
  assert.equal(refused.status, 400);
  assert.equal((await admin.http('POST', '/api/conversations/999999/deals', { title: 'x' })).status, 404);
});
