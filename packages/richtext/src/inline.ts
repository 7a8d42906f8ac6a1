/**
 * Inline rich text: **bold**, *italic* or _italic_, [links](https://…), bare http(s) addresses and
 * ![images](https://…). A marker without a valid partner, or a link whose address is refused,
 * stays text exactly as typed.
 *
 * Runs in time linear in the input (times the small nesting limit): every "where is the next X"
 * answer is remembered while scanning forward, so thousands of unclosed markers or brackets do
 * not make each one search the rest of the message again.
 */
import type { Inline } from './ast';
import { safeImageSrc, safeLinkHref } from './urls';

/** Bold in italic in a link label is plenty; deeper markers stay text. */
const MAX_DEPTH = 3;
const MAX_URL = 2048;
const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]/u;
/** Characters that end a bare address; trailing punctuation is trimmed after. */
const URL_STOP = /[\s<>"`]/;
const HOST = /[\p{L}\p{N}.\-:@%_~+]/u;
const URL_TRAILING = '.,;:!?\'"';

const isSpace = (ch: string | undefined): boolean => ch === undefined || SPACE.test(ch);
const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** A closing marker at `j` is valid whatever opened it, which is what makes caching misses sound. */
function closes(s: string, j: number, marker: string): boolean {
  if (isSpace(s[j - 1])) return false;
  if (marker === '_') return !isWord(s[j + 1]);
  if (marker === '*') return s[j - 1] !== '*' && s[j + 1] !== '*';
  return true;
}

export function parseInline(s: string): Inline[] {
  return parseRange(s, 0, true);
}

/**
 * Parses `s` whole. Nested content (inside a marker or a link label) is parsed as its own string,
 * so no search inside it can run past its end into the rest of the message.
 */
function parseRange(s: string, depth: number, links: boolean): Inline[] {
  const out: Inline[] = [];
  const end = s.length;
  /** Per marker: an opener at or after this index has no valid closer before `end`. */
  const noCloserFrom = new Map<string, number>();
  /** Per character: its next index at or after the last asked position (-1: none). */
  const next = new Map<string, number>();
  const find = (ch: string, from: number): number => {
    const known = next.get(ch);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const at = s.indexOf(ch, from);
    next.set(ch, at);
    return at;
  };

  function emphasis(i: number): [Inline, number] | null {
    const ch = s[i];
    const strong = ch === '*' && s[i + 1] === '*';
    const marker = strong ? '**' : ch;
    const inner = i + marker.length;
    if (inner >= end || isSpace(s[inner]) || s[inner] === ch) return null;
    if (ch === '_' ? isWord(s[i - 1]) : !strong && s[i - 1] === '*') return null;
    if (i >= (noCloserFrom.get(marker) ?? Infinity)) return null;
    for (let j = inner + 1; ; j++) {
      j = s.indexOf(marker, j);
      if (j === -1) {
        noCloserFrom.set(marker, i);
        return null;
      }
      if (closes(s, j, marker)) {
        const children = parseRange(s.slice(inner, j), depth + 1, links);
        return [{ type: strong ? 'strong' : 'em', children }, j + marker.length];
      }
    }
  }

  function bracketed(i: number): [Inline, number] | null {
    const image = s[i] === '!';
    const open = image ? i + 1 : i;
    const close = find(']', open + 1);
    if (close === -1 || s[close + 1] !== '(') return null;
    const nested = find('[', open + 1);
    if (nested !== -1 && nested < close) return null;
    const paren = find(')', close + 2);
    if (paren === -1 || paren - close - 2 > MAX_URL) return null;
    const raw = s.slice(close + 2, paren);
    if (/\s/.test(raw)) return null;
    if (image) {
      const src = safeImageSrc(raw);
      return src ? [{ type: 'image', src, alt: s.slice(open + 1, close) }, paren + 1] : null;
    }
    const href = safeLinkHref(raw);
    if (!href || close === open + 1) return null;
    return [{ type: 'link', href, children: parseRange(s.slice(open + 1, close), depth + 1, false) }, paren + 1];
  }

  function bareUrl(i: number): [Inline, number] | null {
    if (isWord(s[i - 1])) return null;
    const head = s.slice(i, i + 8).toLowerCase();
    const scheme = head.startsWith('https://') ? 8 : head.startsWith('http://') ? 7 : 0;
    if (!scheme) return null;
    // The host ends the address unless a path, query or fragment follows: "https://x.com)" or
    // "https://x.com**" end at the host, and a hostless "https://![…" is given up at once.
    let j = i + scheme;
    while (j < end && j - i < MAX_URL && HOST.test(s[j])) j++;
    if (j === i + scheme) return null;
    if ('/?#'.includes(s[j] ?? ' ')) while (j < end && j - i < MAX_URL && !URL_STOP.test(s[j])) j++;
    while (j > i + scheme && (URL_TRAILING.includes(s[j - 1]) || (s[j - 1] === ')' && !s.slice(i, j).includes('(')))) j--;
    if (j === i + scheme) return null;
    const text = s.slice(i, j);
    const href = safeLinkHref(text);
    return href ? [{ type: 'link', href, children: [{ type: 'text', text }] }, j] : null;
  }

  let textStart = 0;
  let i = 0;
  while (i < end) {
    const ch = s[i];
    let found: [Inline, number] | null = null;
    if ((ch === '*' || ch === '_') && depth < MAX_DEPTH) found = emphasis(i);
    else if (links && (ch === '[' || (ch === '!' && s[i + 1] === '['))) found = bracketed(i);
    else if (links && (ch === 'h' || ch === 'H')) found = bareUrl(i);
    if (!found) {
      i++;
      continue;
    }
    if (i > textStart) pushText(out, s.slice(textStart, i));
    out.push(found[0]);
    i = textStart = found[1];
  }
  if (end > textStart) pushText(out, s.slice(textStart, end));
  return out;
}
