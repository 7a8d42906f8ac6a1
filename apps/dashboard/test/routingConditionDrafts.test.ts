/**
 * Custom routing rules' conditions in the chatflow form's draft (R1): every kind, the visitor and
 * contact criteria included, comes back from the draft as it was stored, and a criterion the
 * engine would refuse is named before saving.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Chatflow, RuleCondition } from '@parley/protocol';
import { draftOf, newCondition, newRule, toCondition, toRequest } from '../src/state/chatflowDraft.js';
import { chatflowProblems } from '../src/state/chatflowProblems.js';

const conditions: RuleCondition[] = [
  { field: 'page_url', operator: 'contains', value: '/pricing' },
  { field: 'language', operator: 'starts_with', value: 'fi' },
  { field: 'property', name: 'plan', operator: 'is', value: 'pro' },
  { field: 'visitor', value: 'unknown' },
  { field: 'contact', attribute: 'emailDomain', op: 'is', value: 'acme.example' },
  { field: 'contact', attribute: 'owner', op: 'isNot', value: '4' },
  { field: 'contactProperty', name: 'tier', op: 'isSet', value: '' },
];

function chatflowWith(rules: Chatflow['routing']['rules']): Chatflow {
  return {
    routing: {
      mode: 'custom_rules',
      userId: null,
      teamId: null,
      skills: [],
      rules,
      acceptTimeoutSeconds: 100,
      inactivityTimeoutMinutes: 10,
      fallbackMessage: 'Later',
      ownerUserIds: [],
    },
    availability: {
      mode: 'always',
      officeHours: { timeZone: 'UTC', ranges: [], holidays: [] },
      typicalReplyTime: 'none',
      awayMessage: 'Away',
      offlineBehavior: 'nothing',
      atCapacityBehavior: 'nothing',
      waitingMessage: 'Wait',
    },
  } as unknown as Chatflow;
}

test('every condition kind survives draft and request unchanged', () => {
  const draft = draftOf(chatflowWith([{ conditions, target: { kind: 'team', teamId: 3 } }]));
  assert.deepEqual(chatflowProblems(draft), []);
  assert.deepEqual(toRequest(draft).routing?.rules, [{ conditions, target: { kind: 'team', teamId: 3 } }]);
});

test('contact criteria the engine refuses are named with their rule and condition', () => {
  const rule = newRule();
  rule.userId = 1;
  rule.conditions = [
    { ...newCondition(), field: 'contactProperty', name: 'plan', op: 'is', value: ' ' },
    { ...newCondition(), field: 'contact', attribute: 'owner', op: 'is', value: 'Ann' },
  ];
  const draft = draftOf(chatflowWith([]));
  draft.routing.rules = [rule];
  assert.deepEqual(chatflowProblems(draft), [
    "Rule 1, condition 1: A contact rule's value must not be empty.",
    "Rule 1, condition 2: A contact owner rule's value must be a user id.",
  ]);
  assert.deepEqual(toCondition({ ...newCondition(), field: 'visitor', value: 'known' }), { field: 'visitor', value: 'known' });
});
