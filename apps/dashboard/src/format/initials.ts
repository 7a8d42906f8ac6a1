/**
 * "Carla van Dijk" → "CD": the first and the last word's first letters (whole characters, so an
 * emoji or an accented letter is never cut in half). One word gives one letter; no words, none.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return picked.map((word) => (Array.from(word)[0] ?? '').toLocaleUpperCase()).join('');
}
