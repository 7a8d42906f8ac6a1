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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the team is back (W7 offline), in the visitor's locale and time zone: "Monday 9:00 AM".
 * A weekday alone is unambiguous for less than six days ahead; further out the date is added.
 * `locale` and `timeZone` are for tests; the widget uses the browser's.
 */
export function formatReturnTime(epochMs: number, now: number, locale?: string, timeZone?: string): string {
  const far = epochMs - now >= 6 * DAY_MS;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    ...(far ? { month: 'long', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  }).format(epochMs);
}
