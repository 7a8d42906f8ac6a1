/**
 * The text of the preview bubble (W17): the message on one or two lines. Runs of whitespace and
 * line breaks become single spaces, and a long message is cut at a word boundary (when there is
 * one near the end) with an ellipsis. The result is set as text, never parsed as HTML.
 */
export const PREVIEW_MAX_CHARS = 140;

/** `fallback` stands in for a message without text (an attachment only). */
export function previewText(text: string, fallback: string, max = PREVIEW_MAX_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return fallback;
  // Counted in code points, so a cut never splits an emoji's surrogate pair.
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  // Only back up to a space that keeps most of the text; a long word is cut where it is.
  return `${(space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
