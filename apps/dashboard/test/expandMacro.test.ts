/** A6 macros: variables filled in at insert time, the `/shortcut` trigger and the insertion. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Contact, Macro } from '@parley/protocol';
import { expandMacro } from '../src/macros/expandMacro.js';
import { macroContact } from '../src/macros/macroContact.js';
import { findMacroTrigger, insertMacro, matchMacros } from '../src/macros/macroTrigger.js';

const zelda = { firstName: 'Zelda', lastName: 'Quixote', email: 'zelda@fjord.example', phone: '+358 40 123', organization: 'Fjord Oy' };
const people = { contact: zelda, agent: { name: 'Ann  Agent' } };
const nobody = { firstName: '', lastName: '', email: '', phone: '', organization: '' };

test('known variables are filled in, with or without spaces inside the braces', () => {
  assert.equal(
    expandMacro('Hi {{contact.first_name}}, {{ agent.name }} here. {{contact.name}} <{{contact.email}}> / {{agent.first_name}}', people),
    'Hi Zelda, Ann  Agent here. Zelda Quixote <zelda@fjord.example> / Ann',
  );
  assert.equal(expandMacro('{{contact.last_name}} of {{contact.organization}}, tel. {{contact.phone}}', people), 'Quixote of Fjord Oy, tel. +358 40 123');
  assert.equal(expandMacro('{{contact.first_name}}{{contact.first_name}}', people), 'ZeldaZelda', 'every occurrence');
});

test('unknown variables stay visible; known ones without a value become empty', () => {
  assert.equal(expandMacro('Hi {{contact.frist_name}} {{order.id}}', people), 'Hi {{contact.frist_name}} {{order.id}}');
  const anonymous = { contact: nobody, agent: { name: 'Ann' } };
  assert.equal(expandMacro('Hi {{contact.first_name}}, mail: {{contact.email}}, {{contact.name}}.', anonymous), 'Hi , mail: , .');
  assert.equal(expandMacro('{{contact.name}}', { ...people, contact: { ...nobody, lastName: 'Quixote' } }), 'Quixote', 'no stray space');
  assert.equal(expandMacro('No variables, {braces} and {{ }} stay', people), 'No variables, {braces} and {{ }} stay');
  // A value that looks like a variable is inserted as is, never expanded again.
  assert.equal(expandMacro('{{contact.first_name}}', { ...people, contact: { ...nobody, firstName: '{{agent.name}}' } }), '{{agent.name}}');
});

const context = { properties: { name: ' Ada King  Lovelace ', email: 'ada@example.com', phone: '555 0100', organization: 'Analytical Engines' } } as never;

test('without a contact: the stored name, else the name property; the anonymous stand-in is no name', () => {
  const fromProperties = { firstName: 'Ada', lastName: 'King Lovelace', email: 'ada@example.com', phone: '555 0100', organization: 'Analytical Engines' };
  assert.deepEqual(macroContact({ id: 7, name: 'Visitor 7', context }, null), fromProperties);
  assert.deepEqual(macroContact({ id: 7, name: 'Grace Hopper', context }, null), { ...fromProperties, firstName: 'Grace', lastName: 'Hopper' });
  assert.deepEqual(macroContact({ id: 7, name: 'Visitor 7', context: { properties: {} } as never }, null), nobody);
  assert.deepEqual(macroContact(undefined, null), nobody);
});

const contact = (fields: Partial<Contact>): Contact => ({
  id: 3, firstName: null, lastName: null, displayName: '', email: null, phone: null, organization: { name: null, address: null },
  ownerId: null, note: null, dealValue: null, currency: null, expectedCloseDate: null, externalId: null, properties: {}, createdAt: 0, updatedAt: 0,
  ...fields,
});

test('a linked contact wins field by field; its empty fields fall back to the visitor; a name is taken whole', () => {
  const visitor = { id: 7, name: 'Grace Hopper', context };
  const full = contact({ firstName: ' Ada ', lastName: 'Lovelace', email: 'ada@acme.example', phone: '+44 20 7946', organization: { name: 'Acme', address: 'London' } });
  assert.deepEqual(macroContact(visitor, full), { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@acme.example', phone: '+44 20 7946', organization: 'Acme' });
  // Only a first name: no last name borrowed from "Grace Hopper".
  const sparse = contact({ firstName: 'Ada', email: 'ada@acme.example' });
  assert.deepEqual(macroContact(visitor, sparse), { firstName: 'Ada', lastName: '', email: 'ada@acme.example', phone: '555 0100', organization: 'Analytical Engines' });
  assert.deepEqual(macroContact(visitor, contact({ email: 'ada@acme.example' })), { firstName: 'Grace', lastName: 'Hopper', email: 'ada@acme.example', phone: '555 0100', organization: 'Analytical Engines' });
  assert.equal(expandMacro('Hi {{contact.first_name}} from {{contact.organization}}', { contact: macroContact(visitor, full), agent: { name: '' } }), 'Hi Ada from Acme');
});

test('a slash opens the list only at the start or after whitespace', () => {
  assert.deepEqual(findMacroTrigger('/gre', 4), { start: 0, end: 4, query: 'gre' });
  assert.deepEqual(findMacroTrigger('Thanks! /', 9), { start: 8, end: 9, query: '' });
  assert.deepEqual(findMacroTrigger('line\n/Bye', 9), { start: 5, end: 9, query: 'bye' });
  assert.equal(findMacroTrigger('see https://x.example/gre', 25), null);
  assert.equal(findMacroTrigger('and/or', 6), null);
  assert.equal(findMacroTrigger('/gre more', 9), null, 'a space ends the shortcut');
  assert.deepEqual(findMacroTrigger('/gre more', 4), { start: 0, end: 4, query: 'gre' }, 'the caret decides');
});

const macro = (id: number, shortcut: string, title: string): Macro => ({ id, shortcut, title, body: '', ownerUserId: null, createdAt: 0, updatedAt: 0 });

test('matches: shortcut prefixes first, then titles; the insertion replaces only /query', () => {
  const macros = [macro(1, 'greet', 'Greeting'), macro(2, 'bye', 'Goodbye and greetings'), macro(3, 'refund', 'Refund policy')];
  assert.deepEqual(matchMacros(macros, 'gre').map((m) => m.id), [1, 2]);
  assert.deepEqual(matchMacros(macros, '').map((m) => m.id), [1, 2, 3]);
  assert.deepEqual(matchMacros(macros, 'zzz'), []);
  assert.equal(matchMacros(macros, '', 2).length, 2);

  const text = 'Hello /gre and more';
  const trigger = findMacroTrigger(text, 10)!;
  assert.deepEqual(insertMacro(text, trigger, 'Hi Zelda'), { text: 'Hello Hi Zelda and more', caret: 14 });
});
