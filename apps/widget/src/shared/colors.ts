/**
 * Colour helpers shared by the loader and the chat frame. The accent colour is chosen by an admin,
 * so anything drawn on it (or with it) must stay readable whatever they pick (WCAG 2.x contrast).
 */

export const DEFAULT_ACCENT = '#2563eb';
// Pure black, not a softer near-black: only black guarantees 4.5:1 against every possible accent.
const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/** Accepts only `#rrggbb`: the value ends up in CSS, so anything else falls back to the default. */
export function safeAccent(value: unknown): string {
  return typeof value === 'string' && /^#[\da-f]{6}$/i.test(value) ? value : DEFAULT_ACCENT;
}

function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * White or black, whichever reads better on the accent. Contrast with white beats contrast with
 * black exactly when (L + 0.05)² ≤ 1.05 × 0.05, i.e. L ≤ √0.0525 − 0.05 = 0.1791288: compared on
 * the luminance so the loader (3 KB budget) needs no contrast-ratio code.
 */
export function textOn(accent: string): string {
  return luminance(accent) <= 0.1791288 ? LIGHT_TEXT : DARK_TEXT;
}

/**
 * The accent when it is usable as a foreground on white (focus rings, icons need 3:1, which is
 * 1.05 / (L + 0.05) ≥ 3, i.e. L ≤ 0.3), otherwise black, so a pale brand colour never produces an
 * invisible focus ring.
 */
export function inkOnWhite(accent: string): string {
  return luminance(accent) <= 0.3 ? accent : DARK_TEXT;
}
