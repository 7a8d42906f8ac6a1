/**
 * W6 URL rules, one row per case: which part of the page URL a value is compared with (path,
 * full URL, host + path), case, trailing slash, query and fragment ignored, wildcard literals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UrlOperator } from '@parley/protocol';
import { ruleMatches } from '@parley/chatflow';
import { at, url } from './helpers';

type Row = [op: UrlOperator, value: string, page: string, expected: boolean];

const PAGE = 'https://shop.example/pricing?plan=pro#top';

const rows: Row[] = [
  // is — path values
  ['is', '/pricing', PAGE, true],
  ['is', '/pricing', 'https://shop.example/pricing', true],
  ['is', '/pricing', 'https://shop.example/pricing/', true],
  ['is', '/pricing/', 'https://shop.example/pricing', true],
  ['is', '/PRICING', 'https://shop.example/pricing', true],
  ['is', '/pricing', 'https://shop.example/Pricing', true],
  ['is', '/pricing', 'https://shop.example/pricing/team', false],
  ['is', '/pricing', 'https://shop.example/pricings', false],
  ['is', '/pricing', 'https://shop.example/', false],
  ['is', '/', 'https://shop.example/', true],
  ['is', '/', 'https://shop.example', true],
  ['is', '/', 'https://shop.example/?utm=x', true],
  ['is', '/', 'https://shop.example/about', false],
  ['is', '/pricing', 'https://other.example/pricing', true],
  ['is', '/café', 'https://shop.example/caf%C3%A9', true],
  ['is', '/caf%C3%A9', 'https://shop.example/café', true],
  // is — the query and the fragment are never part of a URL rule
  ['is', '/pricing', 'https://shop.example/pricing?a=1&b=2', true],
  ['is', '/pricing', 'https://shop.example/pricing#plans', true],
  // is — full-URL values compare scheme, host and path
  ['is', 'https://shop.example/pricing', PAGE, true],
  ['is', 'https://SHOP.example/Pricing/', PAGE, true],
  ['is', 'https://shop.example/pricing', 'http://shop.example/pricing', false],
  ['is', 'https://shop.example/pricing', 'https://www.shop.example/pricing', false],
  ['is', 'https://shop.example/pricing', 'https://shop.example:443/pricing', true],
  ['is', 'https://shop.example:8443/pricing', 'https://shop.example:8443/pricing', true],
  ['is', 'https://shop.example/pricing', 'https://shop.example:8443/pricing', false],
  ['is', 'https://shop.example', 'https://shop.example/', true],
  ['is', 'https://shop.example/', 'https://shop.example', true],
  // is — host + path values
  ['is', 'shop.example/pricing', PAGE, true],
  ['is', 'shop.example/pricing', 'http://shop.example/pricing/', true],
  ['is', 'Shop.Example/pricing', PAGE, true],
  ['is', 'shop.example/pricing', 'https://blog.example/pricing', false],
  ['is', 'shop.example', 'https://shop.example/', true],
  // isNot
  ['isNot', '/pricing', PAGE, false],
  ['isNot', '/pricing/', 'https://shop.example/PRICING', false],
  ['isNot', '/pricing', 'https://shop.example/about', true],
  ['isNot', '/pricing', 'https://shop.example/pricing/team', true],
  ['isNot', 'https://shop.example/pricing', 'https://shop.example/pricing?x=1', false],
  ['isNot', 'shop.example/pricing', 'https://blog.example/pricing', true],
  // contains
  ['contains', '/pric', PAGE, true],
  ['contains', 'pricing', PAGE, true],
  ['contains', 'PRICING', PAGE, true],
  ['contains', 'shop.example', PAGE, true],
  ['contains', 'plan', PAGE, false],
  ['contains', 'top', PAGE, false],
  ['contains', '/blog/', 'https://shop.example/blog', true],
  ['contains', '/blog/', 'https://shop.example/en/blog/post', true],
  ['contains', '/blog/', 'https://shop.example/blogging', false],
  ['contains', 'https://shop.example/pri', PAGE, true],
  ['contains', 'https://shop.example/pri', 'http://shop.example/pricing', false],
  // startsWith
  ['startsWith', '/pricing', PAGE, true],
  ['startsWith', '/pricing', 'https://shop.example/pricing/team', true],
  ['startsWith', '/pricing', 'https://shop.example/pricing-old', true],
  ['startsWith', '/Pricing', 'https://shop.example/pricing/team', true],
  ['startsWith', '/pricing/', 'https://shop.example/pricing', true],
  ['startsWith', '/pricing/', 'https://shop.example/pricing/team', true],
  ['startsWith', '/pricing/', 'https://shop.example/pricing-old', false],
  ['startsWith', '/pricing', 'https://shop.example/en/pricing', false],
  ['startsWith', '/', PAGE, true],
  ['startsWith', 'https://shop.example/', PAGE, true],
  ['startsWith', 'https://shop.example/', 'https://shop.example', true],
  ['startsWith', 'https://shop.example/blog', 'https://shop.example/pricing', false],
  ['startsWith', 'shop.example/pri', PAGE, true],
  ['startsWith', 'shop.example', 'https://www.shop.example/', false],
  // endsWith
  ['endsWith', '/pricing', PAGE, true],
  ['endsWith', 'pricing', 'https://shop.example/en/pricing/', true],
  ['endsWith', '/PRICING/', 'https://shop.example/en/pricing', true],
  ['endsWith', '.html', 'https://shop.example/help/faq.html?x=1', true],
  ['endsWith', '.html', 'https://shop.example/help/faq.htm', false],
  ['endsWith', '/pricing', 'https://shop.example/pricing/team', false],
  ['endsWith', 'pro', PAGE, false],
  ['endsWith', 'shop.example/pricing', PAGE, true],
  // wildcard — anchored, `*` is any run of characters, case ignored
  ['wildcard', '/blog/*', 'https://shop.example/blog/first-post', true],
  ['wildcard', '/blog/*', 'https://shop.example/blog/2024/05/post', true],
  ['wildcard', '/blog/*', 'https://shop.example/blog/', false],
  ['wildcard', '/blog/*', 'https://shop.example/en/blog/post', false],
  ['wildcard', '/blog*', 'https://shop.example/blog', true],
  ['wildcard', '/blog*', 'https://shop.example/blogging', true],
  ['wildcard', '/*/pricing', 'https://shop.example/en/pricing', true],
  ['wildcard', '/*/pricing', 'https://shop.example/pricing', false],
  ['wildcard', '/BLOG/*', 'https://shop.example/blog/Post', true],
  ['wildcard', '/products/*/reviews', 'https://shop.example/products/42/reviews/', true],
  ['wildcard', '/products/*/reviews', 'https://shop.example/products/42/reviews/5', false],
  ['wildcard', '/pricing', PAGE, true],
  ['wildcard', '*', PAGE, true],
  ['wildcard', '*.example/help*', 'https://docs.example/help/start', true],
  ['wildcard', '*.example/help*', 'https://docs.example/helpdesk', true],
  ['wildcard', '*.example/help*', 'https://docs.example/about/help', false],
  ['wildcard', '*.example/help*', 'https://docs.other/help', false],
  ['wildcard', 'https://*.example/*', 'https://a.b.example/x', true],
  ['wildcard', 'https://*.example/*', 'http://a.example/x', false],
  // wildcard — regular-expression characters in the value are literal
  ['wildcard', '/a.b', 'https://shop.example/a.b', true],
  ['wildcard', '/a.b', 'https://shop.example/axb', false],
  ['wildcard', '/(x)', 'https://shop.example/(x)', true],
  ['wildcard', '/(x)', 'https://shop.example/x', false],
  ['wildcard', '/a+', 'https://shop.example/a+', true],
  ['wildcard', '/a+', 'https://shop.example/aa', false],
  ['wildcard', '/[ab]', 'https://shop.example/[ab]', true],
  ['wildcard', '/[ab]', 'https://shop.example/a', false],
  ['wildcard', '/a|b', 'https://shop.example/a', false],
  ['wildcard', '/$x^', 'https://shop.example/$x^', true],
  ['wildcard', '/a\\d', 'https://shop.example/a1', false],
  ['wildcard', '/a{2}', 'https://shop.example/aa', false],
  ['wildcard', '/a{2}', 'https://shop.example/a{2}', true],
  ['wildcard', '/.*', 'https://shop.example/anything', false],
  ['wildcard', '/.*', 'https://shop.example/.x', true],
];

for (const [op, value, page, expected] of rows) {
  test(`URL ${op} "${value}" on ${page} → ${expected}`, () => {
    assert.equal(ruleMatches(url(op, value), at(page)), expected);
  });
}

test('a situation URL that does not parse matches no URL rule, isNot included (fail closed)', () => {
  for (const op of ['is', 'isNot', 'contains', 'startsWith', 'endsWith', 'wildcard'] as const) {
    for (const page of ['not a url', '/pricing', '', 'https://']) {
      assert.equal(ruleMatches(url(op, op === 'wildcard' ? '*' : '/pricing'), at(page)), false, `${op} on ${JSON.stringify(page)}`);
    }
  }
});

test('URL rules read the page only, not the device or the visitor', () => {
  for (const situation of [at(PAGE, 'mobile', true), at(PAGE, 'desktop', false)]) {
    assert.equal(ruleMatches(url('is', '/pricing'), situation), true);
  }
});
