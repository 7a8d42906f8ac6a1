/**
 * Wall-clock time in an IANA zone, with Intl as the only source of zone rules (Node ships full
 * ICU, so every zone and its DST history is there; no tz library to keep up to date).
 *
 * A "wall" value is a local date and time encoded as if it were UTC: `Date.UTC(y, m - 1, d, h, mi)`.
 * That keeps calendar arithmetic (next day, weekday) exact and free of DST, and leaves the one
 * hard question, which real instant a wall time is, to `wallToInstant`.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23, not hour12: false, because the latter prints midnight as "24" in some ICU versions.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (names are matched case-insensitively, aliases accepted). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time at an instant, to the second (Intl does not print milliseconds). */
export function instantToWall(timeZone: string, at: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** Wall minus UTC at an instant, in ms (e.g. +3 h for Helsinki in summer). */
function offsetAt(timeZone: string, at: number): number {
  const second = Math.floor(at / 1000) * 1000;
  return instantToWall(timeZone, second) - second;
}

/**
 * The instant a wall time denotes. Two cases have no single answer, and this picks the one that
 * makes a schedule open and close once per range, like the clock on the wall:
 * - a wall time that exists twice (autumn: Helsinki 03:30 on 2026-10-25) → the earlier instant;
 * - a wall time skipped by the clock (spring: Helsinki 03:30 on 2026-03-29) → the instant the gap
 *   ends (04:00 summer time), i.e. the first moment the wall clock has passed it.
 * Assumes at most one offset change within a day of `wall`, true of every zone in tzdb.
 */
export function wallToInstant(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const matches = [wall - before, wall - after].filter((t) => offsetAt(timeZone, t) === wall - t);
  if (matches.length > 0) return Math.min(...matches);
  // In a gap: the transition lies in (wall - after, wall - before]; find it to the second.
  let lo = Math.floor((wall - after) / 1000);
  let hi = Math.ceil((wall - before) / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timeZone, mid * 1000) === after) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/** The wall value of local midnight starting the day that contains `wall`. */
export function startOfWallDay(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** `YYYY-MM-DD` of a wall value. */
export function wallDateString(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}
