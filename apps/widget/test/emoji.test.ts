/**
 * W12 emoji picker logic (packages/emoji, used by the chat frame and the inbox): the data parses,
 * the search narrows it, the arrow keys move through the grid as the stylesheet lays it out, and
 * a pick goes in at the caret. Run with `node --import tsx --test apps/widget/test/emoji.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allSections, CATEGORY_IDS, filterEmoji, insertText, moveInGrid, parseCategory, searchWords } from '@parley/emoji';

const chars = (sections: ReturnType<typeof allSections>): string[] => sections.flatMap((section) => section.emoji.map((emoji) => emoji.char));

test('every category has emoji; a few hundred in all, none twice, each with a name', () => {
  const sections = allSections();
  assert.deepEqual(
    sections.map((section) => section.category),
    [...CATEGORY_IDS],
  );
  for (const section of sections) assert.ok(section.emoji.length >= 20, `${section.category} has ${section.emoji.length}`);
  const all = chars(sections);
  assert.ok(all.length >= 300, `${all.length} emoji`);
  assert.equal(new Set(all).size, all.length, 'no emoji listed twice');
  for (const emoji of sections.flatMap((section) => section.emoji)) {
    assert.match(emoji.char, /^\p{Extended_Pictographic}|^\p{Emoji_Presentation}|^[\u00a9\u00ae\u2122\u2139]/u, emoji.char);
    assert.ok(!emoji.char.includes('\u200d'), `${emoji.char} is one emoji, not a joined sequence`);
    assert.ok(emoji.name.length > 0 && !emoji.name.includes(':'), `${emoji.char} has a name`);
  }
});

test('a line parses into the emoji, its name and its search words', () => {
  assert.deepEqual(parseCategory('\n 👍 thumbs up: yes like \n\n✌️ victory hand\n'), [
    { char: '👍', name: 'thumbs up', words: ['thumbs', 'up', 'yes', 'like'] },
    { char: '✌️', name: 'victory hand', words: ['victory', 'hand'] },
  ]);
  assert.deepEqual(searchWords('  Heart-Eyes, LOVE! '), ['heart', 'eyes', 'love']);
});

test('search: every typed word must begin a word of the emoji; categories without a match drop out', () => {
  const sections = allSections();
  assert.equal(filterEmoji(sections, ''), sections, 'blank keeps everything');
  assert.equal(filterEmoji(sections, '   '), sections);

  const thumbs = filterEmoji(sections, 'thu up');
  assert.deepEqual(chars(thumbs), ['👍']);
  assert.deepEqual(
    thumbs.map((section) => section.category),
    ['people'],
  );

  const hearts = chars(filterEmoji(sections, 'HEART'));
  for (const heart of ['❤️', '💙', '💔', '😍', '🥰']) assert.ok(hearts.includes(heart), `${heart} is a heart`);
  assert.ok(!hearts.includes('😀'));

  // Prefixes of words only, not any substring: "art" is not "heart", but begins "artist".
  assert.deepEqual(chars(filterEmoji(sections, 'art')), ['🎨', '🎭']);
  // Keywords beyond the name count.
  assert.deepEqual(chars(filterEmoji(sections, 'lol')), ['🤣', '😂', '🍭'], 'and "lol" begins "lollipop"');
  // The emoji itself finds itself.
  assert.deepEqual(chars(filterEmoji(sections, ' 🍕 ')), ['🍕']);
  assert.deepEqual(filterEmoji(sections, 'xyzzy'), []);
  // Order follows the categories, as in the full grid.
  const order = filterEmoji(sections, 'cat').map((section) => section.category);
  assert.deepEqual(order, [...order].sort((a, b) => CATEGORY_IDS.indexOf(a) - CATEGORY_IDS.indexOf(b)));
});

test('grid: left and right run through the list and stop at its ends', () => {
  const sizes = [10, 3];
  assert.equal(moveInGrid(sizes, 8, 0, 'ArrowLeft'), 0);
  assert.equal(moveInGrid(sizes, 8, 0, 'ArrowRight'), 1);
  assert.equal(moveInGrid(sizes, 8, 7, 'ArrowRight'), 8, 'to the next row');
  assert.equal(moveInGrid(sizes, 8, 9, 'ArrowRight'), 10, 'into the next section');
  assert.equal(moveInGrid(sizes, 8, 10, 'ArrowLeft'), 9, 'back into the previous section');
  assert.equal(moveInGrid(sizes, 8, 12, 'ArrowRight'), 12, 'the last cell stays');
});

test('grid: up and down keep the column, cross sections, and land on the end of a short row', () => {
  // Section 0: rows [0..7] and [8, 9]; section 1: row [10, 11, 12]; section 2: rows [13..20] and [21..28].
  const sizes = [10, 3, 16];
  assert.equal(moveInGrid(sizes, 8, 1, 'ArrowDown'), 9, 'down within the section');
  assert.equal(moveInGrid(sizes, 8, 5, 'ArrowDown'), 9, 'the row below is short: its last cell');
  assert.equal(moveInGrid(sizes, 8, 9, 'ArrowDown'), 11, 'into the next section, same column');
  assert.equal(moveInGrid(sizes, 8, 8, 'ArrowDown'), 10);
  assert.equal(moveInGrid(sizes, 8, 12, 'ArrowDown'), 15, 'column 2 of the next section');
  assert.equal(moveInGrid(sizes, 8, 20, 'ArrowDown'), 28);
  assert.equal(moveInGrid(sizes, 8, 28, 'ArrowDown'), 28, 'the last row stays');

  assert.equal(moveInGrid(sizes, 8, 28, 'ArrowUp'), 20);
  assert.equal(moveInGrid(sizes, 8, 15, 'ArrowUp'), 12, 'up into the short row above: its last cell');
  assert.equal(moveInGrid(sizes, 8, 13, 'ArrowUp'), 10);
  assert.equal(moveInGrid(sizes, 8, 11, 'ArrowUp'), 9, 'into the last row of the previous section');
  assert.equal(moveInGrid(sizes, 8, 10, 'ArrowUp'), 8);
  assert.equal(moveInGrid(sizes, 8, 9, 'ArrowUp'), 1);
  assert.equal(moveInGrid(sizes, 8, 3, 'ArrowUp'), 'above', 'up from the first row leaves the grid');
});

test('grid: Home and End go to the ends of the row; other keys are not handled', () => {
  const sizes = [10, 3];
  assert.equal(moveInGrid(sizes, 8, 5, 'Home'), 0);
  assert.equal(moveInGrid(sizes, 8, 5, 'End'), 7);
  assert.equal(moveInGrid(sizes, 8, 9, 'Home'), 8);
  assert.equal(moveInGrid(sizes, 8, 8, 'End'), 9, 'a short row ends early');
  assert.equal(moveInGrid(sizes, 8, 11, 'End'), 12);
  assert.equal(moveInGrid(sizes, 8, 11, 'Enter'), null);
  assert.equal(moveInGrid(sizes, 8, 11, 'a'), null);
  assert.equal(moveInGrid([], 8, 0, 'ArrowUp'), 'above', 'an empty grid (no match) only leaves');
  assert.equal(moveInGrid([], 8, 0, 'ArrowDown'), null);
});

test('an emoji goes in at the caret, replacing a selection, and the caret follows it', () => {
  assert.deepEqual(insertText('Hi there', 2, 2, ' 👋'), { value: 'Hi 👋 there', caret: 5 });
  assert.deepEqual(insertText('I am sad', 5, 8, '😀'), { value: 'I am 😀', caret: 7 });
  assert.deepEqual(insertText('', 0, 0, '🎉'), { value: '🎉', caret: 2 });
  assert.deepEqual(insertText('abc', 99, 99, '!'), { value: 'abc!', caret: 4 }, 'a stale caret past the end appends');
});
