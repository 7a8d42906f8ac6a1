/** Times as agents read them: relative in lists, exact in threads, local for the visitor. */

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const timeOfDay = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const dateAndTime = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const fullDate = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min. ago", "3 hr. ago", "yesterday", "4 days ago"… */
export function relativeTime(at: number, now: number): string {
  const elapsed = now - at;
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 30 * DAY) return relative.format(-Math.floor(elapsed / DAY), 'day');
  return dateAndTime.format(at);
}

/** Today's messages show only the time; older ones the date too. */
export function messageTime(at: number, now: number): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return sameDay ? timeOfDay.format(at) : dateAndTime.format(at);
}

/** For `title` and `<time datetime>`: the unambiguous full form. */
export function fullTime(at: number): string {
  return fullDate.format(at);
}

export function isoTime(at: number): string {
  return new Date(at).toISOString();
}

/**
 * The visitor's wall clock, e.g. "3:42 PM (Europe/Helsinki, Tue)". null when the browser sent no
 * zone or one this browser does not know.
 */
export function visitorLocalTime(timeZone: string | null, now: number): string | null {
  if (!timeZone) return null;
  try {
    const clock = new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', minute: '2-digit', weekday: 'short' });
    return `${clock.format(now)} (${timeZone})`;
  } catch {
    return null;
  }
}
