/** A6 macros: variables filled in at insert time, the `/shortcut` trigger and the insertion. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Macro } from '@parley/protocol';
import { expandMacro, macroContact } from '../src/macros/expandMacro.js';
import { findMacroTrigger, insertMacro, matchMacros } from '../src/macros/macroTrigger.js';

const people = { contact: { name: 'Zelda  Quixote', email: 'zelda@fjord.example' }, agent: { name: 'Ann Agent' } };

test('known variables are filled in, with or without spaces inside the braces', () => {
  assert.equal(
    expandMacro('Hi {{contact.first_name}}, {{ agent.name }} here. {{contact.name}} <{{contact.email}}> / {{agent.first_name}}', people),
    'Hi Zelda, Ann Agent here. Zelda  Quixote <zelda@fjord.example> / Ann',
  );
  assert.equal(expandMacro('{{contact.first_name}}{{contact.first_name}}', people), 'ZeldaZelda', 'every occurrence');
});

test('unknown variables stay visible; known ones without a value become empty', () => {
  assert.equal(expandMacro('Hi {{contact.frist_name}} {{order.id}}', people), 'Hi {{contact.frist_name}} {{order.id}}');
  const anonymous = { contact: { name: '', email: '' }, agent: { name: 'Ann' } };
  assert.equal(expandMacro('Hi {{contact.first_name}}, mail: {{contact.email}}.', anonymous), 'Hi , mail: .');
  assert.equal(expandMacro('No variables, {braces} and {{ }} stay', people), 'No variables, {braces} and {{ }} stay');
  // A value that looks like a variable is inserted as is, never expanded again.
  assert.equal(expandMacro('{{contact.name}}', { ...people, contact: { name: '{{agent.name}}', email: '' } }), '{{agent.name}}');
});

test('the contact comes from the stored name, else the name property; the anonymous stand-in is no name', () => {
  const context = { properties: { name: ' Ada Lovelace ', email: 'ada@example.com' } } as never;
  assert.deepEqual(macroContact({ id: 7, name: 'Visitor 7', context }), { name: 'Ada Lovelace', email: 'ada@example.com' });
  assert.deepEqual(macroContact({ id: 7, name: 'Grace Hopper', context }), { name: 'Grace Hopper', email: 'ada@example.com' });
  assert.deepEqual(macroContact({ id: 7, name: 'Visitor 7', context: { properties: {} } as never }), { name: '', email: '' });
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
