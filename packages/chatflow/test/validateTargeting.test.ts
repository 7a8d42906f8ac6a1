/**
 * What the server refuses in a chatflow's targeting, and what it accepts: exactly the contract's
 * shapes, with a path and a sentence naming the problem.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TARGETING_LIMITS, validateTargeting, type Problem } from '@parley/chatflow';
import { device, query, url, visitor } from './helpers';

const ok = (groups: unknown[], exclusions: unknown[] = []): unknown => ({ groups, exclusions });
const long = 'x'.repeat(TARGETING_LIMITS.valueMaxLength);

test('accepts every contract shape', () => {
  const valid: unknown[] = [
    ok([]),
    ok([], [url('is', '/privacy')]),
    ok([[url('is', '/a')], [url('isNot', '/b'), url('contains', 'c')], [url('startsWith', '/d'), url('endsWith', '.e'), url('wildcard', '/f/*')]]),
    ok([[query('plan', 'pro'), query('plan', '*'), device('desktop'), device('mobile'), visitor('known'), visitor('unknown')]]),
    ok([[url('is', `/${long.slice(1)}`)]], [query(long, long)]),
    ok([[url('is', 'https://shop.example/pricing')], [url('is', 'shop.example/pricing')]]),
    ok(Array.from({ length: TARGETING_LIMITS.groups }, () => Array.from({ length: TARGETING_LIMITS.rulesPerGroup }, () => device('mobile')))),
    ok([], Array.from({ length: TARGETING_LIMITS.exclusions }, () => visitor('known'))),
  ];
  for (const value of valid) assert.deepEqual(validateTargeting(value), [], JSON.stringify(value).slice(0, 200));
});

/** [what, value, expected problem paths, a word each message must contain]. */
const invalid: [string, unknown, string[], RegExp][] = [
  ['not an object', 'everywhere', ['targeting'], /object/],
  ['null', null, ['targeting'], /object/],
  ['an array', [], ['targeting'], /object/],
  ['groups missing', { exclusions: [] }, ['targeting.groups'], /groups/i],
  ['exclusions missing', { groups: [] }, ['targeting.exclusions'], /Exclusions/],
  ['groups not a list', { groups: {}, exclusions: [] }, ['targeting.groups'], /list/],
  ['a group not a list', ok([url('is', '/a')]), ['targeting.groups[0]'], /list of rules/],
  ['an empty group', ok([[device('mobile')], []]), ['targeting.groups[1]'], /Group 2 has no rules/],
  ['exclusions not a list', { groups: [], exclusions: url('is', '/a') }, ['targeting.exclusions'], /list/],
  ['an unknown top-level key', { groups: [], exclusions: [], mode: 'all' }, ['targeting.mode'], /Unknown field "mode"/],
  ['a rule that is not an object', ok([['/pricing']]), ['targeting.groups[0][0]'], /object/],
  ['a null rule', ok([], [null]), ['targeting.exclusions[0]'], /object/],
  ['a bad field', ok([[{ field: 'cookie', value: 'x' }]]), ['targeting.groups[0][0].field'], /"url", "query", "device", "visitor"/],
  ['no field', ok([[{ op: 'is', value: '/a' }]]), ['targeting.groups[0][0].field'], /field/],
  ['a prototype key as field', ok([[{ field: 'constructor', value: 'x' }]]), ['targeting.groups[0][0].field'], /field/],
  ['a bad operator', ok([[url('equals' as never, '/a')]]), ['targeting.groups[0][0].op'], /operator must be one of "is", "isNot"/],
  ['a missing operator', ok([[{ field: 'url', value: '/a' }]]), ['targeting.groups[0][0].op'], /operator/],
  ['an empty URL value', ok([[url('is', '')]]), ['targeting.groups[0][0].value'], /must not be empty/],
  ['a blank URL value', ok([[url('contains', '   ')]]), ['targeting.groups[0][0].value'], /must not be empty/],
  ['a non-string URL value', ok([[{ field: 'url', op: 'is', value: 42 }]]), ['targeting.groups[0][0].value'], /text/],
  ['an over-long URL value', ok([[url('contains', `${long}x`)]]), ['targeting.groups[0][0].value'], /at most 500 characters/],
  ['a URL value with a query', ok([[url('is', '/pricing?plan=pro')]]), ['targeting.groups[0][0].value'], /query rule/],
  ['a URL value with a fragment', ok([], [url('is', '/pricing#faq')]), ['targeting.exclusions[0].value'], /fragment/],
  ['a URL rule with a name', ok([[{ ...url('is', '/a'), name: 'x' }]]), ['targeting.groups[0][0].name'], /Unknown field "name"/],
  ['a query rule with an operator', ok([[{ ...query('plan', 'pro'), op: 'is' }]]), ['targeting.groups[0][0].op'], /Unknown field "op"/],
  ['a query rule without a name', ok([[{ field: 'query', value: 'pro' }]]), ['targeting.groups[0][0].name'], /parameter name must be text/],
  ['a query rule with an empty name', ok([[query('', 'pro')]]), ['targeting.groups[0][0].name'], /must not be empty/],
  ['a query rule with an empty value', ok([[query('plan', '')]]), ['targeting.groups[0][0].value'], /"\*" for any value/],
  ['a query rule with a number value', ok([[{ field: 'query', name: 'plan', value: 1 }]]), ['targeting.groups[0][0].value'], /text/],
  ['an over-long query name', ok([[query(`${long}x`, 'pro')]]), ['targeting.groups[0][0].name'], /at most 500/],
  ['an over-long query value', ok([[query('plan', `${long}x`)]]), ['targeting.groups[0][0].value'], /at most 500/],
  ['a bad device', ok([[{ field: 'device', value: 'tablet' }]]), ['targeting.groups[0][0].value'], /"desktop", "mobile"/],
  ['a device rule with an operator', ok([[{ ...device('mobile'), op: 'is' }]]), ['targeting.groups[0][0].op'], /Unknown field/],
  ['a bad visitor', ok([[{ field: 'visitor', value: 'returning' }]]), ['targeting.groups[0][0].value'], /"known", "unknown"/],
  ['a boolean visitor', ok([], [{ field: 'visitor', value: true }]), ['targeting.exclusions[0].value'], /"known", "unknown"/],
  [
    'too many groups',
    ok(Array.from({ length: TARGETING_LIMITS.groups + 1 }, () => [device('mobile')])),
    ['targeting.groups'],
    /at most 10 groups \(it has 11\)/,
  ],
  [
    'too many rules in a group',
    ok([[device('mobile')], Array.from({ length: TARGETING_LIMITS.rulesPerGroup + 1 }, () => device('mobile'))]),
    ['targeting.groups[1]'],
    /Group 2 can have at most 20 rules \(it has 21\)/,
  ],
  [
    'too many exclusions',
    ok([], Array.from({ length: TARGETING_LIMITS.exclusions + 1 }, () => device('mobile'))),
    ['targeting.exclusions'],
    /Exclusions can have at most 20 rules/,
  ],
];

for (const [what, value, paths, message] of invalid) {
  test(`refuses ${what}`, () => {
    const problems: Problem[] = validateTargeting(value);
    assert.deepEqual(problems.map((p) => p.path), paths, JSON.stringify(problems));
    assert.match(problems[0].message, message);
  });
}

test('reports every problem at once, each at its own path', () => {
  const problems = validateTargeting({
    groups: [[url('is', '/ok'), url('bogus' as never, '')], [query('', '')]],
    exclusions: [{ field: 'device', value: 'watch' }],
    extra: true,
  });
  assert.deepEqual(problems.map((p) => p.path), [
    'targeting.extra',
    'targeting.groups[0][1].op',
    'targeting.groups[0][1].value',
    'targeting.groups[1][0].name',
    'targeting.groups[1][0].value',
    'targeting.exclusions[0].value',
  ]);
  for (const p of problems) assert.ok(p.message.length > 10 && p.message.endsWith('.'), p.message);
});

test('a huge list is reported once, not rule by rule past the limit', () => {
  const problems = validateTargeting(ok([], Array.from({ length: 10_000 }, () => ({ field: 'nope' }))));
  assert.equal(problems[0].path, 'targeting.exclusions');
  assert.equal(problems.length, 1 + TARGETING_LIMITS.exclusions);
});
