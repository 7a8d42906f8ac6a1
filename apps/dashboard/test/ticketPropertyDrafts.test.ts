/**
 * The Ticket properties page's draft (issue 12): keys made from labels, what stops a save, and
 * the definitions a checked draft becomes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionProblems, draftsOf, keyFromLabel, newDraft, toDefinitions } from '../src/components/ticketProperties/definitionDrafts.js';

test('a label becomes a key of lowercase letters, digits and _', () => {
  assert.equal(keyFromLabel('Order number'), 'order_number');
  assert.equal(keyFromLabel('  Plan / Tier (2025)  '), 'plan_tier_2025');
  assert.equal(keyFromLabel('Café'), 'cafe');
  assert.equal(keyFromLabel('!!!'), '');
  assert.equal(keyFromLabel('x'.repeat(50)).length, 32);
});

test('problems: a missing label or key, a repeated key, a select without options or with repeats', () => {
  const blank = newDraft();
  assert.deepEqual(definitionProblems([blank]), ['Property 1: give it a label.', 'Property 1: the key needs 1 to 32 lowercase letters, digits, - or _.']);
  const plan = { ...newDraft(), label: 'Plan', key: 'plan', type: 'select' as const, options: '\n  \n' };
  assert.deepEqual(definitionProblems([plan]), ['Plan: a select needs at least one option.']);
  assert.deepEqual(definitionProblems([{ ...plan, options: 'Pro\n Pro ' }]), ['Plan: each option must be different.']);
  const twice = { ...newDraft(), label: 'Plan again', key: 'plan', type: 'text' as const };
  assert.deepEqual(definitionProblems([{ ...plan, options: 'Free\nPro' }, twice]), ['Plan again: another property already has the key "plan".']);
  assert.deepEqual(definitionProblems([{ ...plan, key: 'Plan' }]).length, 2);
});

test('a checked draft becomes definitions: trimmed, one option per line, none for text', () => {
  const drafts = [
    { ...newDraft(), label: ' Plan ', key: 'plan', type: 'select' as const, options: ' Free \n\nPro\n' },
    { ...newDraft(), label: 'Order number', key: 'order_number', type: 'text' as const, options: 'left over' },
  ];
  assert.deepEqual(definitionProblems(drafts), []);
  const definitions = toDefinitions(drafts);
  assert.deepEqual(definitions, [
    { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'] },
    { key: 'order_number', label: 'Order number', type: 'text', options: [] },
  ]);
  // Saved ones come back with their key fixed.
  assert.ok(draftsOf(definitions).every((draft) => draft.saved));
  assert.deepEqual(toDefinitions(draftsOf(definitions)), definitions);
});
