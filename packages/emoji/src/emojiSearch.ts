/**
 * The picker's list: the emoji grouped by category, and the same list narrowed by what the
 * person typed in the search box. Pure, so the widget's unit tests check it without a browser.
 */
import { CATEGORY_IDS, EMOJI_TEXT, type EmojiCategoryId } from './data.js';

export interface Emoji {
  /** The emoji itself: what is inserted into the message. */
  char: string;
  /** Its English name (a tooltip in the inbox; screen readers name the character themselves). */
  name: string;
  /** Lower-case words of the name and the extra keywords, matched by the search. */
  words: string[];
}

export interface EmojiSection {
  category: EmojiCategoryId;
  emoji: Emoji[];
}

/** Words the search compares: lower case, split on anything that is not a letter or digit. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Turns one category's lines ("😀 grinning face: smile happy") into entries. */
export function parseCategory(text: string): Emoji[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const space = line.indexOf(' ');
      const rest = line.slice(space + 1);
      const colon = rest.indexOf(':');
      const name = colon === -1 ? rest : rest.slice(0, colon);
      return { char: line.slice(0, space), name: name.trim(), words: searchWords(rest) };
    });
}

let parsed: EmojiSection[] | null = null;

/** Every emoji by category, parsed on first use. */
export function allSections(): EmojiSection[] {
  parsed ??= CATEGORY_IDS.map((category) => ({ category, emoji: parseCategory(EMOJI_TEXT[category]) }));
  return parsed;
}

/**
 * The sections narrowed to the emoji that match `query`: every word typed must begin one of the
 * emoji's words ("thu up" finds 👍), or the query is the emoji itself. Categories with no match
 * are left out; a blank query keeps everything.
 */
export function filterEmoji(sections: EmojiSection[], query: string): EmojiSection[] {
  const typed = searchWords(query);
  const trimmed = query.trim();
  if (typed.length === 0 && trimmed.length === 0) return sections;
  const matches = (emoji: Emoji): boolean =>
    emoji.char === trimmed || (typed.length > 0 && typed.every((part) => emoji.words.some((word) => word.startsWith(part))));
  return sections
    .map((section) => ({ category: section.category, emoji: section.emoji.filter(matches) }))
    .filter((section) => section.emoji.length > 0);
}
