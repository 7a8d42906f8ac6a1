/** Validation of contact criteria and known / unknown, in targeting and in custom routing rules. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateCriterion, validateRoutingCriteria, validateTargeting } from '@parley/chatflow';

const inGroup = (rule: unknown) => validateTargeting({ groups: [[rule]], exclusions: [] });
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

test('good contact criteria pass', () => {
  for (const rule of [
    { field: 'contact', attribute: 'organization', op: 'is', value: 'Acme' },
    { field: 'contact', attribute: 'emailDomain', op: 'contains', value: 'acme' },
    { field: 'contact', attribute: 'owner', op: 'is', value: '12' },
    { field: 'contact', attribute: 'phone', op: 'isSet', value: '' },
    { field: 'contactProperty', name: 'plan', op: 'isNot', value: 'free' },
    { field: 'contactProperty', name: 'plan', op: 'isNotSet', value: '' },
    { field: 'visitor', value: 'unknown' },
  ]) {
    assert.deepEqual(inGroup(rule), [], JSON.stringify(rule));
    assert.deepEqual(validateCriterion(rule, 'c'), [], JSON.stringify(rule));
  }
});

test('bad contact criteria are refused with the path and a sentence naming the fix', () => {
  const cases: [rule: unknown, path: string, words: RegExp][] = [
    [{ field: 'contact', attribute: 'shoeSize', op: 'is', value: '42' }, 'targeting.groups[0][0].attribute', /contact rule's field must be one of .*"organization"/],
    [{ field: 'contact', attribute: 'organization', op: 'startsWith', value: 'A' }, 'targeting.groups[0][0].op', /operator must be one of .*"isSet"/],
    [{ field: 'contact', attribute: 'organization', op: 'is', value: '  ' }, 'targeting.groups[0][0].value', /must not be empty/],
    [{ field: 'contact', attribute: 'organization', op: 'is', value: 'x'.repeat(501) }, 'targeting.groups[0][0].value', /at most 500 characters/],
    [{ field: 'contact', attribute: 'organization', op: 'isSet', value: 'Acme' }, 'targeting.groups[0][0].value', /"is set" takes no value/],
    [{ field: 'contactProperty', name: 'plan', op: 'isNotSet', value: 'x' }, 'targeting.groups[0][0].value', /"is not set" takes no value/],
    [{ field: 'contact', attribute: 'owner', op: 'is', value: 'Ann' }, 'targeting.groups[0][0].value', /must be a user id/],
    [{ field: 'contact', attribute: 'owner', op: 'contains', value: '1' }, 'targeting.groups[0][0].op', /owner is a user/],
    [{ field: 'contactProperty', name: '', op: 'is', value: 'x' }, 'targeting.groups[0][0].name', /property name must not be empty/],
    [{ field: 'contactProperty', name: 'k'.repeat(65), op: 'is', value: 'x' }, 'targeting.groups[0][0].name', /at most 64 characters/],
    [{ field: 'contactProperty', op: 'is', value: 'x' }, 'targeting.groups[0][0].name', /must be text/],
    [{ field: 'contactProperty', name: 'plan', attribute: 'email', op: 'is', value: 'x' }, 'targeting.groups[0][0].attribute', /Unknown field "attribute"/],
    [{ field: 'visitor', value: 'vip' }, 'targeting.groups[0][0].value', /"known", "unknown"/],
  ];
  for (const [rule, path, words] of cases) {
    const problems = inGroup(rule);
    const found = problems.find((p) => p.path === path);
    assert.ok(found, `${JSON.stringify(rule)} → ${JSON.stringify(problems)}`);
    assert.match(found.message, words);
    assert.equal(new Set(paths(problems)).size, problems.length, 'each problem once');
  }
});

test('routing rules: only the criteria among conditions are checked here, with their rule and condition in the path', () => {
  const problems = validateRoutingCriteria([
    { conditions: [{ field: 'page_url' }, { field: 'visitor', value: 'known' } as never] },
    { conditions: [{ field: 'contactProperty', name: 'plan', op: 'isSet', value: 'enterprise' } as never] },
  ]);
  assert.deepEqual(paths(problems), ['routing.rules[1].conditions[0].value']);
});
