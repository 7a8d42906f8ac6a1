/**
 * The sidebar contact form's rules (I7): only edited fields are sent, blanks clear, the owner is an
 * id and currencies upper case; formats are checked before sending; server refusals land on the
 * field they name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Contact } from '@parley/protocol';
import { changesFrom, contactValue, draftProblems, fieldOfError, CONTACT_FIELDS } from '../src/components/contactSidebar/contactDraft.js';

const contact: Contact = {
  id: 7,
  firstName: 'Ada',
  lastName: null,
  displayName: 'Ada',
  email: 'ada@example.com',
  phone: null,
  organization: { name: 'Engines', address: null },
  ownerId: 3,
  note: null,
  dealValue: '10',
  currency: 'EUR',
  expectedCloseDate: null,
  externalId: null,
  properties: {},
  createdAt: 1,
  updatedAt: 1,
};

test('the labels other tests rely on are exact', () => {
  const labels = CONTACT_FIELDS.map((field) => field.label);
  for (const name of ['Email', 'Phone', 'Organization']) assert.ok(labels.includes(name), name);
  assert.equal(new Set(labels).size, labels.length);
});

test('only edited fields that differ are sent; blanks clear; owner and currency normalised', () => {
  assert.equal(contactValue(contact, 'organizationName'), 'Engines');
  assert.equal(contactValue(contact, 'ownerId'), '3');
  assert.equal(contactValue(null, 'email'), '');
  assert.deepEqual(changesFrom({ firstName: 'Ada', organizationName: '  ', ownerId: '5', currency: 'usd', phone: '+358 1' }, contact), {
    organizationName: null,
    ownerId: 5,
    currency: 'USD',
    phone: '+358 1',
  });
  assert.deepEqual(changesFrom({ ownerId: '' }, contact), { ownerId: null });
  assert.deepEqual(changesFrom({}, contact), {});
});

test('formats are checked before sending, and a new contact needs an email', () => {
  assert.deepEqual(draftProblems({ phone: '1' }, null).map((p) => p.key), ['email']);
  assert.deepEqual(draftProblems({ dealValue: '1e5', currency: 'EURO' }, contact).map((p) => p.key), ['dealValue', 'currency']);
  assert.deepEqual(draftProblems({ dealValue: '1250.50', currency: 'EUR' }, contact), []);
});

test('server refusals name their field', () => {
  const keys = CONTACT_FIELDS.map((field) => field.key);
  assert.equal(fieldOfError('contact_email_taken', null, keys), 'email');
  assert.equal(fieldOfError('contact_already_linked', null, keys), 'email');
  assert.equal(fieldOfError('validation_failed', 'expectedCloseDate: not a calendar date (YYYY-MM-DD)', keys), 'expectedCloseDate');
  assert.equal(fieldOfError('validation_failed', 'body/dealValue must match pattern', keys), 'dealValue');
  assert.equal(fieldOfError('validation_failed', 'body must not have additional properties', keys), null);
  assert.equal(fieldOfError('forbidden', 'email: x', keys), null);
});
