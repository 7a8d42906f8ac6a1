/**
 * W6 priority and publishing, and W19's explanation: the first published chatflow by priority
 * (then id) whose targeting matches, the trail of what was considered, and the sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatflowTargeting } from '@parley/protocol';
import { chooseChatflow, describeRule, explainChoice, type ChatflowCandidate } from '@parley/chatflow';
import { at, device, query, targeting, url, visitor } from './helpers';

interface Row extends ChatflowCandidate {
  language: string;
}

const flow = (id: number, name: string, priority: number, t: ChatflowTargeting, published = true): Row => ({ id, name, priority, published, targeting: t, language: 'en' });

const pricing = flow(1, 'Pricing', 1, targeting([[url('startsWith', '/pricing'), query('plan', 'pro')]]));
const support = flow(2, 'Support', 2, targeting([], [url('is', '/privacy')]));
const old = flow(3, 'Old', 0, targeting([]), false);
const site = [support, old, pricing]; // deliberately not in priority order

test('the first published match by priority is chosen; the caller\'s rows come back as they were', () => {
  const choice = chooseChatflow(site, at('https://shop.example/pricing?plan=pro'));
  assert.equal(choice.chosen, pricing);
  assert.equal(choice.chosen?.language, 'en');
  assert.deepEqual(choice.considered.map((c) => c.chatflow.name), ['Old', 'Pricing']);
  assert.deepEqual(choice.considered[0].outcome, { shown: false, reason: 'unpublished' });
  assert.deepEqual(choice.considered[1].outcome, { shown: true, reason: 'groupMatched', groupIndex: 0, rules: pricing.targeting.groups[0] });
});

test('a lower priority that does not match falls through to the next', () => {
  const choice = chooseChatflow(site, at('https://shop.example/about'));
  assert.equal(choice.chosen, support);
  assert.deepEqual(choice.considered.map((c) => [c.chatflow.name, c.outcome.reason]), [
    ['Old', 'unpublished'],
    ['Pricing', 'noGroupMatched'],
    ['Support', 'everyPage'],
  ]);
});

test('an exclusion on the last candidate leaves none, and all were considered', () => {
  const choice = chooseChatflow(site, at('https://shop.example/privacy'));
  assert.equal(choice.chosen, null);
  assert.deepEqual(choice.considered.map((c) => [c.chatflow.name, c.outcome.reason]), [
    ['Old', 'unpublished'],
    ['Pricing', 'noGroupMatched'],
    ['Support', 'excluded'],
  ]);
});

test('unpublished chatflows are never chosen, even when they match and come first', () => {
  const onlyUnpublished = [flow(1, 'A', 0, targeting([]), false), flow(2, 'B', 1, targeting([[device('desktop')]]), false)];
  const choice = chooseChatflow(onlyUnpublished, at('https://shop.example/'));
  assert.equal(choice.chosen, null);
  assert.deepEqual(choice.considered.map((c) => c.outcome), [{ shown: false, reason: 'unpublished' }, { shown: false, reason: 'unpublished' }]);
});

test('lower priority first; equal priorities by id, whatever the input order', () => {
  const everyPage = targeting([]);
  const rows = [flow(9, 'Nine', 5, everyPage), flow(4, 'Four', 5, everyPage), flow(7, 'Seven', 2, everyPage), flow(1, 'One', 10, everyPage)];
  for (const order of [rows, [...rows].reverse()]) {
    assert.equal(chooseChatflow(order, at('https://shop.example/')).chosen?.name, 'Seven');
    assert.equal(chooseChatflow(order.filter((r) => r.id !== 7), at('https://shop.example/')).chosen?.name, 'Four');
  }
  // Negative priorities sort before zero.
  assert.equal(chooseChatflow([...rows, flow(2, 'Minus', -1, everyPage)], at('https://shop.example/')).chosen?.name, 'Minus');
});

test('the input list is not reordered', () => {
  const input = [...site];
  chooseChatflow(input, at('https://shop.example/'));
  assert.deepEqual(input, site);
});

test('no chatflows: nothing chosen, nothing considered', () => {
  assert.deepEqual(chooseChatflow([], at('https://shop.example/')), { chosen: null, considered: [] });
});

test('describeRule names every operator and field in words', () => {
  const rows: [Parameters<typeof describeRule>[0], string][] = [
    [url('is', '/privacy'), 'URL is "/privacy"'],
    [url('isNot', '/privacy'), 'URL is not "/privacy"'],
    [url('contains', 'blog'), 'URL contains "blog"'],
    [url('startsWith', '/pricing'), 'URL starts with "/pricing"'],
    [url('endsWith', '.html'), 'URL ends with ".html"'],
    [url('wildcard', '/blog/*'), 'URL matches "/blog/*"'],
    [query('plan', 'pro'), 'query "plan" is "pro"'],
    [query('plan', '*'), 'query "plan" is present'],
    [device('mobile'), 'device is mobile'],
    [device('desktop'), 'device is desktop'],
    [visitor('known'), 'visitor is known'],
    [visitor('unknown'), 'visitor is unknown'],
  ];
  for (const [rule, sentence] of rows) assert.equal(describeRule(rule), sentence);
});

test('explainChoice: the chosen chatflow with the group that matched', () => {
  assert.deepEqual(explainChoice(chooseChatflow(site, at('https://shop.example/pricing?plan=pro'))), [
    '"Old" is skipped: not published.',
    '"Pricing" shows: group 1 matched (URL starts with "/pricing" and query "plan" is "pro").',
  ]);
});

test('explainChoice: groups that failed, then every page', () => {
  assert.deepEqual(explainChoice(chooseChatflow(site, at('https://shop.example/pricing?plan=basic'))), [
    '"Old" is skipped: not published.',
    '"Pricing" is skipped: no group matched (in group 1, query "plan" is "pro" did not match).',
    '"Support" shows: it has no targeting groups, so it shows on every page.',
  ]);
});

test('explainChoice: an exclusion, and a last sentence when nothing shows', () => {
  assert.deepEqual(explainChoice(chooseChatflow(site, at('https://shop.example/privacy'))), [
    '"Old" is skipped: not published.',
    '"Pricing" is skipped: no group matched (in group 1, URL starts with "/pricing" did not match).',
    '"Support" is skipped: excluded by URL is "/privacy".',
    'No chatflow shows on this page for this visitor and device.',
  ]);
});

test('explainChoice: several failed groups, a later group matching, and a site with none', () => {
  const mobileOrKnown = flow(5, 'Mobile or known', 1, targeting([[device('mobile')], [visitor('known'), url('contains', 'help')]]));
  assert.deepEqual(explainChoice(chooseChatflow([mobileOrKnown], at('https://shop.example/about', 'desktop', true))), [
    '"Mobile or known" is skipped: no group matched (in group 1, device is mobile did not match; in group 2, URL contains "help" did not match).',
    'No chatflow shows on this page for this visitor and device.',
  ]);
  assert.deepEqual(explainChoice(chooseChatflow([mobileOrKnown], at('https://shop.example/help', 'desktop', true))), [
    '"Mobile or known" shows: group 2 matched (visitor is known and URL contains "help").',
  ]);
  assert.deepEqual(explainChoice(chooseChatflow([], at('https://shop.example/'))), ['No chatflow shows: the site has no chatflows.']);
});
