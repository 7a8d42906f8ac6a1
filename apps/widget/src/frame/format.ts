/** Display helpers for the thread. Times follow the visitor's browser locale. */
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

export function formatTime(epochMs: number): string {
  return timeFormat.format(epochMs);
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** "Alice Smith" → "AS"; used when an avatar image is missing or fails to load. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0]?.toUpperCase() ?? '')
    .join('');
}
