/**
 * W17's host-page alerts without a browser: the preview bubble's text (flattened, cut at a word,
 * never empty), the badge's count and the flashing title (alternates, counts, restores the exact
 * title, follows the page's own title changes, stays put with reduced motion). Run with
 * `node --import tsx --test apps/widget/test/unreadAlerts.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeText } from '../src/loader/alerts/main';
import { PREVIEW_MAX_CHARS, previewText } from '../src/loader/alerts/previewText';
import { FLASH_INTERVAL_MS, TitleFlash, type Timers } from '../src/loader/alerts/titleFlash';

test('preview text: short text as it is, whitespace and line breaks flattened', () => {
  assert.equal(previewText('Yes, we ship to Finland.', 'New message'), 'Yes, we ship to Finland.');
  assert.equal(previewText('  Line one\n\n\tline   two  ', 'New message'), 'Line one line two');
  // Markup is just characters: the bubble sets it as text.
  assert.equal(previewText('<b>bold</b> & <img src=x onerror=alert(1)>', 'New message'), '<b>bold</b> & <img src=x onerror=alert(1)>');
});

test('preview text: a message without text (an attachment) gets the fallback', () => {
  assert.equal(previewText('', 'Nytt meddelande'), 'Nytt meddelande');
  assert.equal(previewText(' \n ', 'Nytt meddelande'), 'Nytt meddelande');
});

test('preview text: a long message is cut at a word boundary with an ellipsis', () => {
  const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
  const cut = previewText(words, 'x');
  assert.ok([...cut].length <= PREVIEW_MAX_CHARS, `${[...cut].length} characters`);
  assert.ok(cut.endsWith('…'));
  const kept = cut.slice(0, -1);
  assert.ok(words.startsWith(kept), 'the start of the message');
  assert.match(kept, /word\d+$/, 'ends on a whole word');
  assert.equal(words[kept.length], ' ', 'cut where a word ended');
  // Exactly the maximum is not cut.
  const exact = 'a'.repeat(PREVIEW_MAX_CHARS);
  assert.equal(previewText(exact, 'x'), exact);
});

test('preview text: one long word is cut where it is; emoji are never split', () => {
  const long = 'x'.repeat(500);
  assert.equal(previewText(long, 'x', 20), `${'x'.repeat(19)}…`);
  const emoji = '😀'.repeat(30);
  const cut = previewText(emoji, 'x', 10);
  assert.equal(cut, `${'😀'.repeat(9)}…`);
  assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut), 'no lone high surrogate');
});

test('badge text: empty without unread, the count, capped at 99+', () => {
  assert.equal(badgeText(0), '');
  assert.equal(badgeText(-1), '');
  assert.equal(badgeText(1), '1');
  assert.equal(badgeText(99), '99');
  assert.equal(badgeText(100), '99+');
});

/** A document title and timers the test steps by hand. */
function fakes() {
  const doc = { title: 'Host shop' };
  let pending: { run: () => void; ms: number } | null = null;
  const timers: Timers = {
    setInterval: (run, ms) => (pending = { run, ms }),
    clearInterval: (handle) => {
      if (handle === pending) pending = null;
    },
  };
  return {
    doc,
    flash: new TitleFlash(doc, timers),
    tick() {
      assert.ok(pending, 'a timer is running');
      assert.equal(pending.ms, FLASH_INTERVAL_MS);
      pending.run();
    },
    get running() {
      return pending !== null;
    },
  };
}

test('title flash: alternates between the unread text and the page title, then restores it exactly', () => {
  const page = fakes();
  page.doc.title = '  Host   shop — Pricing ';
  const original = page.doc.title;
  page.flash.start(1, 'New message', false);
  assert.equal(page.doc.title, '(1) New message');
  assert.equal(page.flash.flashing, true);
  page.tick();
  assert.equal(page.doc.title, original);
  page.tick();
  assert.equal(page.doc.title, '(1) New message');
  page.flash.stop();
  assert.equal(page.doc.title, original, 'the exact original title, spaces and all');
  assert.equal(page.flash.flashing, false);
  assert.equal(page.running, false, 'no timer left');
  page.flash.stop();
  assert.equal(page.doc.title, original, 'stopping twice changes nothing');
});

test('title flash: a second message updates the count and keeps the original to restore', () => {
  const page = fakes();
  page.flash.start(1, 'Nytt meddelande', false);
  page.tick();
  page.flash.start(2, 'Nytt meddelande', false);
  assert.equal(page.doc.title, '(2) Nytt meddelande');
  page.tick();
  assert.equal(page.doc.title, 'Host shop');
  page.flash.start(150, 'Nytt meddelande', false);
  assert.equal(page.doc.title, '(99+) Nytt meddelande');
  page.flash.stop();
  assert.equal(page.doc.title, 'Host shop');
});

test('title flash: a title the page sets meanwhile is the one restored', () => {
  const page = fakes();
  page.flash.start(1, 'New message', false);
  // A single-page site navigates while the title shows the unread text.
  page.doc.title = 'About - Host shop';
  page.tick();
  assert.equal(page.doc.title, '(1) New message');
  page.tick();
  assert.equal(page.doc.title, 'About - Host shop');
  page.flash.stop();
  assert.equal(page.doc.title, 'About - Host shop');
});

test('title flash: with reduced motion the unread text stays put (no timer) and is restored', () => {
  const page = fakes();
  page.flash.start(3, 'New message', true);
  assert.equal(page.doc.title, '(3) New message');
  assert.equal(page.running, false, 'nothing alternates');
  page.flash.stop();
  assert.equal(page.doc.title, 'Host shop');
});
