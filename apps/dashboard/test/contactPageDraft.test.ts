/**
 * The Contacts page form's draft (issue 10): what a save sends — only changed fields, blanks as null,
 * text exactly as typed — and how custom property rows become the properties object.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Contact } from '@parley/protocol';
import { changesOf, draftOf, duplicateKeys, propertiesOf } from '../src/components/contacts/contactDraft.js';

const contact: Contact = {
  id: 7,
  firstName: 'Ada',
  lastName: null,
  displayName: 'Ada',
  email: 'ada@engines.example',
  phone: null,
  organization: { name: 'Engines', address: null },
  ownerId: 3,
  note: null,
  dealValue: '10.50',
  currency: 'EUR',
  expectedCloseDate: null,
  externalId: null,
  properties: { plan: 'gold' },
  createdAt: 1,
  updatedAt: 1,
};

test('an untouched draft saves nothing', () => {
  assert.equal(changesOf(contact, draftOf(contact)), null);
});

test('only changed fields are sent; a blanked field is null; text is kept exactly as typed', () => {
  const draft = { ...draftOf(contact), lastName: '  Lovelace ', organizationName: '', ownerId: '', phone: '+358 40 1' };
  assert.deepEqual(changesOf(contact, draft), { lastName: '  Lovelace ', phone: '+358 40 1', organizationName: null, ownerId: null });
  assert.deepEqual(changesOf(contact, { ...draftOf(contact), ownerId: '12' }), { ownerId: 12 });
});

test('property rows: blank names are left out, edits and removals send the whole object, repeats are found', () => {
  const rows = [
    { key: 'plan', value: 'gold' },
    { key: '', value: 'ignored' },
    { key: 'seats', value: '' },
  ];
  assert.deepEqual(propertiesOf(rows), { plan: 'gold', seats: '' });
  assert.deepEqual(changesOf(contact, { ...draftOf(contact), properties: rows }), { properties: { plan: 'gold', seats: '' } });
  assert.deepEqual(changesOf(contact, { ...draftOf(contact), properties: [] }), { properties: {} });
  assert.deepEqual(duplicateKeys([{ key: 'a', value: '1' }, { key: 'A', value: '2' }, { key: 'a', value: '3' }, { key: ' ', value: '' }]), ['a']);
});
