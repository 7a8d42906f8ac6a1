/**
 * The contact form's rules (I7, issue 10), shared by the sidebar and the Contacts page: only edited
 * fields that differ are sent, blanks clear, other text is sent as typed, the owner is an id and
 * currencies upper case; custom property rows become the properties object; formats and repeated
 * property names are refused before sending; server refusals land on the field they name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Contact } from '@parley/protocol';
import {
  CONTACT_FIELDS,
  changesFrom,
  contactValue,
  draftProblems,
  duplicateKeys,
  fieldOfError,
  propertiesOf,
  propertyRowsOf,
} from '../src/components/contactForm/contactDraft.js';

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
  properties: { plan: 'gold' },
  createdAt: 1,
  updatedAt: 1,
};

test('the labels other tests rely on are exact', () => {
  const labels = CONTACT_FIELDS.map((field) => field.label);
  for (const name of ['Email', 'Phone', 'Organization']) assert.ok(labels.includes(name), name);
  assert.equal(new Set(labels).size, labels.length);
});

test('an untouched draft saves nothing, also when its property rows are the contact’s own', () => {
  assert.deepEqual(changesFrom({}, contact), {});
  assert.deepEqual(changesFrom({ firstName: 'Ada', properties: propertyRowsOf(contact) }, contact), {});
});

test('only edited fields that differ are sent; blanks clear; text as typed; owner and currency normalised', () => {
  assert.equal(contactValue(contact, 'organizationName'), 'Engines');
  assert.equal(contactValue(contact, 'ownerId'), '3');
  assert.equal(contactValue(null, 'email'), '');
  assert.deepEqual(changesFrom({ firstName: 'Ada', organizationName: '  ', ownerId: '5', currency: 'usd', phone: '+358 1' }, contact), {
    organizationName: null,
    ownerId: 5,
    currency: 'USD',
    phone: '+358 1',
  });
  assert.deepEqual(changesFrom({ lastName: '  Lovelace ', organizationName: '' }, contact), { lastName: '  Lovelace ', organizationName: null });
  assert.deepEqual(changesFrom({ ownerId: '' }, contact), { ownerId: null });
  assert.deepEqual(changesFrom({ ownerId: '12' }, contact), { ownerId: 12 });
});

test('property rows: blank names are left out, edits and removals send the whole object, repeats are found', () => {
  const rows = [
    { key: 'plan', value: 'gold' },
    { key: '', value: 'ignored' },
    { key: 'seats', value: '' },
  ];
  assert.deepEqual(propertyRowsOf(contact), [{ key: 'plan', value: 'gold' }]);
  assert.deepEqual(propertiesOf(rows), { plan: 'gold', seats: '' });
  assert.deepEqual(changesFrom({ properties: rows }, contact), { properties: { plan: 'gold', seats: '' } });
  assert.deepEqual(changesFrom({ properties: [] }, contact), { properties: {} });
  assert.deepEqual(duplicateKeys([{ key: 'a', value: '1' }, { key: 'A', value: '2' }, { key: 'a', value: '3' }, { key: ' ', value: '' }]), ['a']);
});

test('formats and repeated property names are checked before sending, and a new contact needs an email', () => {
  assert.deepEqual(draftProblems({ phone: '1' }, null).map((p) => p.key), ['email']);
  assert.deepEqual(draftProblems({ dealValue: '1e5', currency: 'EURO' }, contact).map((p) => p.key), ['dealValue', 'currency']);
  assert.deepEqual(draftProblems({ dealValue: '1250.50', currency: 'EUR' }, contact), []);
  const twice = draftProblems({ properties: [{ key: 'plan', value: '1' }, { key: 'plan', value: '2' }] }, contact);
  assert.deepEqual(twice, [{ key: 'properties', text: 'Each property name once: plan is given twice.' }]);
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
