/**
 * Plain-text snippets with highlight ranges (I9). The client wraps the ranges in <mark> as text
 * nodes; no HTML is ever built from message text.
 */
import type { SearchHighlight } from '@parley/protocol';
import type { SearchTerms } from '../../storage/drivers/fullTextSearch.js';
import { wordsOf } from './terms.js';

const SNIPPET_LENGTH = 160;
/** Text kept before the first match, so the match is read in context. */
const LEAD = 50;
const ELLIPSIS = '…';

/** Ranges of the words the query matched: whole words, and words starting with a prefix term. */
export function wordHighlights(text: string, terms: SearchTerms): SearchHighlight[] {
  const ranges: SearchHighlight[] = [];
  const prefix = terms.lastIsPrefix ? terms.words[terms.words.length - 1] : undefined;
  for (const match of wordsOf(text)) {
    const word = match[0];
    const start = match.index ?? 0;
    const lower = word.toLowerCase();
    if (terms.words.includes(lower)) ranges.push({ start, end: start + word.length });
    else if (prefix !== undefined && lower.startsWith(prefix)) {
      // Only the typed part is marked, unless folding case changed the word's length.
      const length = lower.length === word.length ? prefix.length : word.length;
      ranges.push({ start, end: start + length });
    }
  }
  return ranges;
}

/** Ranges of every occurrence of each piece, case-insensitively, merged where they overlap. */
export function substringHighlights(text: string, pieces: string[]): SearchHighlight[] {
  const lower = text.toLowerCase();
  // Offsets into the lower-cased text are only valid if folding kept every length.
  if (lower.length !== text.length) return [];
  const ranges: SearchHighlight[] = [];
  for (const piece of pieces) {
    for (let at = lower.indexOf(piece); at !== -1 && piece.length > 0; at = lower.indexOf(piece, at + piece.length)) {
      ranges.push({ start: at, end: at + piece.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: SearchHighlight[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Up to SNIPPET_LENGTH characters of the message around its first match, whitespace collapsed. */
export function messageSnippet(body: string, terms: SearchTerms): { snippet: string; highlights: SearchHighlight[] } {
  const text = body.replace(/\s+/gu, ' ').trim();
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: wordHighlights(text, terms) };
  const first = wordHighlights(text, terms)[0];
  let start = first ? Math.max(0, first.start - LEAD) : 0;
  if (start > 0) {
    // Start at a word boundary, never in the middle of a word (or of a surrogate pair).
    const space = text.indexOf(' ', start);
    start = space !== -1 && first && space < first.start ? space + 1 : first ? first.start : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + (first ? first.end - start : 0)) end = space;
  }
  const snippet = `${start > 0 ? ELLIPSIS : ''}${text.slice(start, end)}${end < text.length ? ELLIPSIS : ''}`;
  return { snippet, highlights: wordHighlights(snippet, terms) };
}
