/** W6 a whole targeting: AND inside a group, OR between groups, exclusions always win. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideTargeting } from '@parley/chatflow';
import { at, device, query, targeting, url, visitor } from './helpers';

const pricingPro = [url('startsWith', '/pricing'), query('plan', 'pro')];
const mobileBlog = [url('wildcard', '/blog/*'), device('mobile')];

test('no groups = every page', () => {
  for (const page of ['https://shop.example/', 'https://shop.example/anything?x=1', 'https://other.example/a/b']) {
    assert.deepEqual(decideTargeting(targeting([]), at(page)), { shown: true, reason: 'everyPage' });
  }
});

test('no groups: exclusions still apply', () => {
  const t = targeting([], [url('is', '/privacy')]);
  assert.deepEqual(decideTargeting(t, at('https://shop.example/privacy')), { shown: false, reason: 'excluded', rule: url('is', '/privacy') });
  assert.deepEqual(decideTargeting(t, at('https://shop.example/about')), { shown: true, reason: 'everyPage' });
});

test('a group matches only when all its rules match (AND)', () => {
  const t = targeting([pricingPro]);
  assert.deepEqual(decideTargeting(t, at('https://shop.example/pricing?plan=pro')), { shown: true, reason: 'groupMatched', groupIndex: 0, rules: pricingPro });
  assert.deepEqual(decideTargeting(t, at('https://shop.example/pricing?plan=basic')), { shown: false, reason: 'noGroupMatched', failedRules: [query('plan', 'pro')] });
  assert.deepEqual(decideTargeting(t, at('https://shop.example/about?plan=pro')), { shown: false, reason: 'noGroupMatched', failedRules: [url('startsWith', '/pricing')] });
});

test('any matching group shows (OR); the first matching group is reported', () => {
  const t = targeting([pricingPro, mobileBlog, [visitor('known')]]);
  assert.deepEqual(decideTargeting(t, at('https://shop.example/blog/post', 'mobile')), { shown: true, reason: 'groupMatched', groupIndex: 1, rules: mobileBlog });
  assert.deepEqual(decideTargeting(t, at('https://shop.example/about', 'desktop', true)), { shown: true, reason: 'groupMatched', groupIndex: 2, rules: [visitor('known')] });
  // Both group 1 and 3 match: group 1 (index 0) is the one reported.
  const both = decideTargeting(t, at('https://shop.example/pricing?plan=pro', 'desktop', true));
  assert.equal(both.shown && both.reason === 'groupMatched' && both.groupIndex, 0);
});

test('no group matches: the first failing rule of each group, in group order', () => {
  const t = targeting([pricingPro, mobileBlog, [visitor('known')]]);
  assert.deepEqual(decideTargeting(t, at('https://shop.example/blog/post', 'desktop', false)), {
    shown: false,
    reason: 'noGroupMatched',
    failedRules: [url('startsWith', '/pricing'), device('mobile'), visitor('known')],
  });
});

test('exclusions win over a matching group', () => {
  const t = targeting([pricingPro], [device('mobile')]);
  assert.equal(decideTargeting(t, at('https://shop.example/pricing?plan=pro', 'desktop')).shown, true);
  assert.deepEqual(decideTargeting(t, at('https://shop.example/pricing?plan=pro', 'mobile')), { shown: false, reason: 'excluded', rule: device('mobile') });
});

test('the first matching exclusion is reported, whatever its kind', () => {
  const exclusions = [url('is', '/privacy'), query('preview', '*'), visitor('known')];
  const t = targeting([], exclusions);
  assert.deepEqual(decideTargeting(t, at('https://shop.example/x?preview=1', 'desktop', true)), { shown: false, reason: 'excluded', rule: exclusions[1] });
  assert.deepEqual(decideTargeting(t, at('https://shop.example/privacy?preview=1', 'desktop', true)), { shown: false, reason: 'excluded', rule: exclusions[0] });
  assert.deepEqual(decideTargeting(t, at('https://shop.example/x', 'desktop', true)), { shown: false, reason: 'excluded', rule: exclusions[2] });
  assert.deepEqual(decideTargeting(t, at('https://shop.example/x', 'desktop', false)), { shown: true, reason: 'everyPage' });
});

test('an isNot exclusion hides everywhere but that page', () => {
  const t = targeting([], [url('isNot', '/landing')]);
  assert.equal(decideTargeting(t, at('https://shop.example/landing/')).shown, true);
  assert.equal(decideTargeting(t, at('https://shop.example/other')).shown, false);
});

test('a page that does not parse: URL rules fail in groups, URL exclusions do not hide', () => {
  const t = targeting([[url('isNot', '/pricing')]], [url('isNot', '/x')]);
  assert.deepEqual(decideTargeting(t, at('garbage')), { shown: false, reason: 'noGroupMatched', failedRules: [url('isNot', '/pricing')] });
  assert.deepEqual(decideTargeting(targeting([[device('desktop')]], [url('is', '/x')]), at('garbage')).shown, true);
});

test('the issue example: pricing for pro plans, everywhere else but privacy', () => {
  const a = targeting([pricingPro]);
  const b = targeting([], [url('is', '/privacy')]);
  assert.equal(decideTargeting(a, at('https://shop.example/pricing?plan=pro')).shown, true);
  assert.equal(decideTargeting(a, at('https://shop.example/about')).shown, false);
  assert.equal(decideTargeting(b, at('https://shop.example/about')).shown, true);
  assert.equal(decideTargeting(b, at('https://shop.example/privacy')).shown, false);
});
