import type { SearchHighlight } from '@parley/protocol';

/**
 * Text with the server's highlight ranges wrapped in <mark>. Every piece is a text node: message
 * text is never parsed as HTML. Ranges out of order, overlapping or out of bounds are ignored.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: SearchHighlight[] }) {
  const parts: Array<string | { mark: string }> = [];
  let at = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ mark: text.slice(start, end) });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts.map((part, i) => (typeof part === 'string' ? part : <mark key={i}>{part.mark}</mark>))}</>;
}
