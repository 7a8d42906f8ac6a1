/**
 * Contact input rules and identity hashes (issue 10, W15): text is kept exactly or refused with
 * the field named; emails match whatever their case; the identity hash is HMAC-SHA256 in hex and
 * only the exact hash of this id under this secret verifies.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { cleanDate, cleanEmail, cleanProperties, cleanText, emailKey, searchText } from '../../src/domain/contacts/contactFields.js';
import { identityHash, isValidIdentityHash } from '../../src/domain/identity/identityHash.js';

const refusedFor = (field: string) => (error: unknown) => {
  const e = error as { code?: string; message?: string; detail?: string };
  assert.equal(e.code, 'validation_failed');
  assert.match(`${e.detail ?? ''} ${e.message ?? ''}`, new RegExp(`^\\s*${field}:|${field}:`));
  return true;
};

test('text is stored as sent, cleared by null or "", refused when it cannot be stored faithfully', () => {
  assert.equal(cleanText('firstName', '  Zoë <script> 😀 ', 50), '  Zoë <script> 😀 ');
  assert.equal(cleanText('firstName', null, 10), null);
  assert.equal(cleanText('firstName', '', 10), null);
  assert.equal(cleanText('firstName', '😀'.repeat(10), 10), '😀'.repeat(10), 'limits count characters, not UTF-16 units');
  assert.throws(() => cleanText('firstName', '😀'.repeat(11), 10), refusedFor('firstName'));
  assert.throws(() => cleanText('firstName', '   ', 10), refusedFor('firstName'));
  assert.throws(() => cleanText('firstName', 'a\u0000b', 10), refusedFor('firstName'));
  assert.throws(() => cleanText('firstName', 'a\nb', 10), refusedFor('firstName'));
  assert.equal(cleanText('note', 'line 1\nline 2\ttab', 100, { multiline: true }), 'line 1\nline 2\ttab');
  assert.throws(() => cleanText('note', 'bell\u0007', 100, { multiline: true }), refusedFor('note'));
  assert.throws(() => cleanText('note', 'lone \ud800 surrogate', 100, { multiline: true }), refusedFor('note'));
});

test('emails: plausible addresses only, the same contact whatever the case', () => {
  assert.equal(cleanEmail('email', 'Ada.Lovelace@Example.COM'), 'Ada.Lovelace@Example.COM');
  for (const bad of ['plain', 'a@b', '@example.com', 'a b@example.com', ' a@example.com', 'a@@example.com', 'a@example..com']) {
    assert.throws(() => cleanEmail('email', bad), refusedFor('email'), bad);
  }
  assert.equal(emailKey('Ada.Lovelace@Example.COM'), emailKey('ada.lovelace@example.com'));
  assert.equal(emailKey('ÄNNE@ESIMERKKI.FI'), 'änne@esimerkki.fi', 'beyond ASCII too, the same on both databases');
  assert.equal(searchText({ first_name: 'Ada', last_name: null, email: 'ADA@x.io', phone: '+1 555' }), 'ada ada@x.io +1 555');
});

test('dates must exist; properties are bounded and keep odd keys as plain keys', () => {
  assert.equal(cleanDate('expectedCloseDate', '2028-02-29'), '2028-02-29');
  assert.throws(() => cleanDate('expectedCloseDate', '2027-02-29'), refusedFor('expectedCloseDate'));
  const props = cleanProperties('properties', JSON.parse('{"__proto__":"x","plan":"gold"}') as Record<string, string>, { maxCount: 5 });
  assert.equal(JSON.stringify(props), '{"__proto__":"x","plan":"gold"}');
  assert.equal(Object.getPrototypeOf(props), Object.prototype, 'the prototype is untouched');
  assert.throws(() => cleanProperties('properties', { a: '1', b: '2' }, { maxCount: 1 }), refusedFor('properties'));
  assert.throws(() => cleanProperties('properties', { ' ': '1' }, { maxCount: 5 }), refusedFor('properties'));
});

test('identity hashes: hex HMAC-SHA256 of the id under the site secret, nothing else verifies', () => {
  const secret = 'site-secret';
  const hash = createHmac('sha256', secret).update('user-1').digest('hex');
  assert.equal(identityHash(secret, 'user-1'), hash);
  assert.equal(isValidIdentityHash(secret, 'user-1', hash), true);
  assert.equal(isValidIdentityHash(secret, 'user-1', hash.toUpperCase()), true);
  for (const wrong of [hash.slice(0, -1), `${hash}0`, '', identityHash(secret, 'user-2'), identityHash('other', 'user-1'), hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))]) {
    assert.equal(isValidIdentityHash(secret, 'user-1', wrong), false, wrong);
  }
});
