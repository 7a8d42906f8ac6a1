/** W6 query, device and visitor rules, one row per case. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Device, TargetingRule } from '@parley/protocol';
import { ruleMatches } from '@parley/chatflow';
import { at, device, query, visitor } from './helpers';

const queryRows: [name: string, value: string, page: string, expected: boolean][] = [
  ['plan', 'pro', 'https://shop.example/pricing?plan=pro', true],
  ['plan', 'pro', 'https://shop.example/pricing?a=1&plan=pro&b=2', true],
  ['plan', 'pro', 'https://shop.example/pricing?plan=pro#faq', true],
  ['plan', 'pro', 'https://shop.example/pricing', false], // absent
  ['plan', 'pro', 'https://shop.example/pricing?plan=basic', false], // value mismatch
  ['plan', 'pro', 'https://shop.example/pricing?plan=', false],
  ['plan', 'pro', 'https://shop.example/pricing?plan', false],
  ['plan', 'pro', 'https://shop.example/pricing?plan=PRO', false], // values are case-sensitive
  ['plan', 'pro', 'https://shop.example/pricing?Plan=pro', false], // and so are names
  ['plan', 'pro', 'https://shop.example/pricing?plan=professional', false],
  ['plan', 'pro', 'https://shop.example/pricing#plan=pro', false], // the fragment is not the query
  ['plan', '*', 'https://shop.example/pricing?plan=anything', true], // `*` = present with any value
  ['plan', '*', 'https://shop.example/pricing?plan=', true],
  ['plan', '*', 'https://shop.example/pricing?plan', true],
  ['plan', '*', 'https://shop.example/pricing?other=1', false],
  ['plan', '*', 'https://shop.example/pricing', false],
  ['q', 'red shoes', 'https://shop.example/search?q=red%20shoes', true], // encoded values are decoded
  ['q', 'red shoes', 'https://shop.example/search?q=red+shoes', true],
  ['q', 'a&b', 'https://shop.example/search?q=a%26b', true],
  ['q', 'ä', 'https://shop.example/search?q=%C3%A4', true],
  ['q', 'red%20shoes', 'https://shop.example/search?q=red%20shoes', false],
  ['utm source', 'x', 'https://shop.example/?utm%20source=x', true],
  ['tag', 'b', 'https://shop.example/?tag=a&tag=b', true], // repeated: any of the values
  ['tag', 'a', 'https://shop.example/?tag=a&tag=b', true],
  ['tag', 'c', 'https://shop.example/?tag=a&tag=b', false],
  ['plan', 'pro', 'not a url?plan=pro', false], // a page we cannot read matches nothing
];

for (const [name, value, page, expected] of queryRows) {
  test(`query "${name}" = "${value}" on ${page} → ${expected}`, () => {
    assert.equal(ruleMatches(query(name, value), at(page)), expected);
  });
}

const PAGE = 'https://shop.example/';
const situationRows: [rule: TargetingRule, onDevice: Device, known: boolean, expected: boolean][] = [
  [device('desktop'), 'desktop', false, true],
  [device('desktop'), 'mobile', false, false],
  [device('mobile'), 'mobile', true, true],
  [device('mobile'), 'desktop', true, false],
  [visitor('known'), 'desktop', true, true],
  [visitor('known'), 'desktop', false, false],
  [visitor('unknown'), 'mobile', false, true],
  [visitor('unknown'), 'mobile', true, false],
];

for (const [rule, onDevice, known, expected] of situationRows) {
  test(`${rule.field} ${rule.value} for a ${known ? 'known' : 'unknown'} visitor on ${onDevice} → ${expected}`, () => {
    assert.equal(ruleMatches(rule, at(PAGE, onDevice, known)), expected);
    // These rules do not read the URL: a page we cannot parse decides the same.
    assert.equal(ruleMatches(rule, at('not a url', onDevice, known)), expected);
  });
}
