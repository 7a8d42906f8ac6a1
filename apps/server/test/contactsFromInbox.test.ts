/**
 * I7 from the inbox (both drivers): a user makes a conversation's visitor a contact from the
 * sidebar (POST /api/conversations/:id/contact). A new email makes a contact with the names given;
 * an existing one in another case links the visitor without changing it; a contact the user may
 * not read is refused as taken (and stays unlinked and unread); a visitor that is a contact
 * already keeps it; bad input and conversations the user may not open change nothing. The link is
 * announced live.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, createUserAs } from './helpers/clients.js';
import { storage, visitorWrites } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const linkedContact = async (visitorId: number) =>
  (await storage(shared.cluster).selectFrom('visitors').select('contact_id').where('id', '=', visitorId).executeTakeFirstOrThrow()).contact_id;

test('a user makes the visitor a new contact, or links the existing one whatever the case, live', async () => {
  const { cluster, admin } = shared;
  const visitor = await visitorWrites(cluster, 'I am Mira from Acme');
  const made = await admin.http('POST', `/api/conversations/${visitor.conversationId}/contact`, { email: 'Mira@Acme.example', firstName: 'Mira', lastName: 'Mäkinen' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.contact.displayName, 'Mira Mäkinen');
  assert.equal(made.body.contact.email, 'Mira@Acme.example');
  assert.equal(Number(await linkedContact(visitor.visitorId)), made.body.contact.id);
  await admin.log.waitForEvent('contact.updated', (d) => d.contact.id === made.body.contact.id);
  const sidebar = await admin.http('GET', `/api/conversations/${visitor.conversationId}/contact`);
  assert.equal(sidebar.body.contact.id, made.body.contact.id);
  assert.deepEqual(sidebar.body.conversations.map((c: { id: number }) => c.id), [visitor.conversationId]);

  // A second visitor with the same email in another case: linked, the contact unchanged.
  const again = await visitorWrites(cluster, 'Mira again, other laptop');
  const linked = await admin.http('POST', `/api/conversations/${again.conversationId}/contact`, { email: 'mira@ACME.example', firstName: 'Someone', lastName: 'Else' });
  assert.equal(linked.status, 201);
  assert.equal(linked.body.contact.id, made.body.contact.id);
  assert.equal(linked.body.contact.displayName, 'Mira Mäkinen', 'names never overwrite an existing contact');
  const both = await admin.http('GET', `/api/conversations/${again.conversationId}/contact`);
  assert.deepEqual(both.body.conversations.map((c: { id: number }) => c.id).sort(), [visitor.conversationId, again.conversationId].sort());

  // Already a contact: refused, nothing changes.
  const twice = await admin.http('POST', `/api/conversations/${visitor.conversationId}/contact`, { email: 'other@acme.example' });
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error.code, 'contact_already_linked');
  assert.equal(Number(await linkedContact(visitor.visitorId)), made.body.contact.id);
  const count = await storage(cluster).selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1);
});

test('bad input, conversations the user may not open and contacts they may not read change nothing', async () => {
  const { cluster, admin } = shared;
  const ann = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'ann-inbox-contact@example.com', name: 'Ann' }));
  const bob = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'bob-inbox-contact@example.com', name: 'Bob' }));
  try {
    const stranger = await visitorWrites(cluster, 'Hello?');
    for (const body of [{ email: 'not an email' }, { email: '' }, { email: 'ok@x.example', firstName: 'a\u0000b' }, { email: 'ok@x.example', extra: 1 }, {}]) {
      const refused = await ann.http('POST', `/api/conversations/${stranger.conversationId}/contact`, body);
      assert.equal(refused.status, 400, JSON.stringify(body));
      assert.equal(refused.body.error.code, 'validation_failed');
    }
    assert.equal(await linkedContact(stranger.visitorId), null);
    assert.equal((await ann.http('POST', '/api/conversations/999999/contact', { email: 'x@y.example' })).status, 404);

    // Bob's open chat with a contact: Ann may neither link a visitor to it nor give Bob's chat a contact.
    const bobs = await visitorWrites(cluster, 'Private chat with Bob');
    assert.equal((await admin.http('POST', `/api/conversations/${bobs.conversationId}/assign`, { userId: bob.userId })).status, 200);
    assert.equal((await bob.http('POST', `/api/conversations/${bobs.conversationId}/contact`, { email: 'secret@client.example', firstName: 'Sam' })).status, 201);
    const blocked = await ann.http('POST', `/api/conversations/${stranger.conversationId}/contact`, { email: 'SECRET@client.example' });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.code, 'contact_email_taken');
    assert.equal(await linkedContact(stranger.visitorId), null, 'not linked');
    assert.equal((await ann.http('GET', `/api/conversations/${stranger.conversationId}/contact`)).body.contact, null);

    const other = await visitorWrites(cluster, 'Another private chat');
    assert.equal((await admin.http('POST', `/api/conversations/${other.conversationId}/assign`, { userId: bob.userId })).status, 200);
    const forbidden = await ann.http('POST', `/api/conversations/${other.conversationId}/contact`, { email: 'new@client.example' });
    assert.equal(forbidden.status, 403);
    assert.equal(await linkedContact(other.visitorId), null);

    // A closed chat may get its contact afterwards (I7 is editable on closed conversations).
    assert.equal((await admin.http('POST', `/api/conversations/${other.conversationId}/close`)).status, 200);
    assert.equal((await ann.http('POST', `/api/conversations/${other.conversationId}/contact`, { email: 'later@client.example' })).status, 201);
  } finally {
    ann.close();
    bob.close();
  }
});

test('the route is in the OpenAPI document', async () => {
  const doc = await shared.admin.http('GET', '/api/openapi.json');
  const route = doc.body.paths['/api/conversations/{id}/contact'];
  assert.ok(route?.post, 'POST /api/conversations/{id}/contact');
  assert.ok(route.get, 'beside the sidebar read');
});
