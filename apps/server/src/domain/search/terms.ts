/**
 * What a search query means, decided here and not by a database's query syntax: the words of the
 * query (runs of letters, digits and combining marks, as both full-text tokenizers cut them),
 * lower-cased. Quotes, stars, minus signs, parentheses and NEAR are separators or plain words, so
 * nothing typed can change how the index is queried.
 */
import type { SearchTerms } from '../../storage/drivers/fullTextSearch.js';

/** More words than this only narrow results that are already few. */
const MAX_WORDS = 8;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Null when the query has no word at all (only punctuation or spaces): nothing can match. */
export function messageTerms(query: string): SearchTerms | null {
  const words = [...query.toLowerCase().matchAll(WORD)].map((m) => m[0]);
  if (words.length === 0) return null;
  const kept = [...new Set(words)].slice(0, MAX_WORDS);
  // While typing, the last word is probably unfinished; a trailing space says it is finished.
  const lastIsPrefix = !/\s$/u.test(query) && kept[kept.length - 1] === words[words.length - 1];
  return { words: kept, lastIsPrefix };
}

/**
 * Contacts match by substring on whole space-separated pieces, so "anna@example.com" or
 * "example.com" finds an email address as typed.
 */
export function contactTerms(query: string): string[] {
  const pieces = query.toLowerCase().split(/\s+/u).filter((p) => p.length > 0);
  return [...new Set(pieces)].slice(0, MAX_WORDS);
}

/** A LIKE pattern that matches `piece` literally anywhere (escape character: backslash). */
export function containsPattern(piece: string): string {
  return `%${piece.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function wordsOf(text: string): IterableIterator<RegExpMatchArray> {
  return text.matchAll(WORD);
}
