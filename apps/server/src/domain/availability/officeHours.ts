/**
 * Office hours (W7): whether a chatflow's weekly schedule is open at an instant, and when that
 * next changes, so the widget state can be re-evaluated exactly at a boundary instead of polled.
 *
 * Model. Each range occurrence (a weekday's range on one local date) is turned into a span of real
 * time, [instant of its start, instant of its end), with the local wall clock of `timeZone`; the
 * schedule is open at the instants inside any span. Working in instants rather than comparing
 * wall clocks is what keeps DST sane (wall-to-instant rules in zonedTime.ts):
 * - a local 09:00 opening is 09:00 on the wall on both sides of a DST change, so its UTC instant
 *   moves by the shift;
 * - a bound in the spring gap takes effect when the gap ends (a 03:30–05:00 range in Helsinki on
 *   2026-03-29 opens at 04:00 summer time); a range wholly inside the gap does not open that day;
 * - a bound in the repeated autumn hour uses its first occurrence, so a range opens and closes
 *   once: 01:00–03:30 closes at the first 03:30 and does not reopen when the clock repeats 03:xx;
 *   03:30–06:00 opens at the first 03:30 and stays open through the repeat.
 * Holidays drop every occurrence that starts on that local date; the after-midnight part of an
 * overnight range belongs to the day it started on, so fri 22:00–02:00 with a Saturday holiday is
 * still open on Saturday 01:00, and with a Friday holiday it is closed at both times.
 */
import type { OfficeHours, OfficeHoursRange, Weekday } from '@parley/protocol';
import { DomainError } from '../errors.js';
import { DAY_MS, MINUTE_MS, instantToWall, isKnownTimeZone, startOfWallDay, wallDateString, wallToInstant } from './zonedTime.js';

/** How far nextChange/nextOpening look; the widget re-evaluates at least this often anyway. */
export const LOOKAHEAD_MS = 15 * DAY_MS;

/** Indexed by `Date#getUTCDay()` of a wall value (0 = Sunday). */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight; `24:00` only where `allowEndOfDay` (an end). NaN if malformed. */
function parseTime(value: string, allowEndOfDay: boolean): number {
  if (allowEndOfDay && value === '24:00') return 24 * 60;
  const m = TIME.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  return wallDateString(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) === value;
}

/** Throws `validation_failed` with the first problem found; run it before storing a schedule. */
export function validateOfficeHours(hours: OfficeHours): void {
  const fail = (detail: string): never => {
    throw new DomainError('validation_failed', detail);
  };
  if (!isKnownTimeZone(hours.timeZone)) fail(`unknown time zone "${hours.timeZone}"`);
  hours.ranges.forEach((range, i) => {
    if (!WEEKDAYS.includes(range.day)) fail(`ranges[${i}]: unknown day "${range.day}"`);
    const start = parseTime(range.start, false);
    const end = parseTime(range.end, true);
    if (Number.isNaN(start)) fail(`ranges[${i}]: start "${range.start}" is not HH:MM between 00:00 and 23:59`);
    if (Number.isNaN(end)) fail(`ranges[${i}]: end "${range.end}" is not HH:MM between 00:00 and 24:00`);
    // Equal bounds would mean either nothing or a whole day; refuse rather than guess.
    if (start === end) fail(`ranges[${i}]: start and end are both ${range.start}`);
  });
  hours.holidays.forEach((date, i) => {
    if (!isCalendarDate(date)) fail(`holidays[${i}]: "${date}" is not a YYYY-MM-DD date`);
  });
}

type Span = [start: number, end: number];

/** The span of one range on the local date starting at wall value `day`, or null if empty. */
function occurrence(timeZone: string, range: OfficeHoursRange, day: number): Span | null {
  const start = parseTime(range.start, false);
  const end = parseTime(range.end, true);
  if (Number.isNaN(start) || Number.isNaN(end) || start === end) return null;
  // An end at or before the start is on the next local day (overnight range).
  const endWall = day + (end > start ? end : DAY_MS / MINUTE_MS + end) * MINUTE_MS;
  const span: Span = [wallToInstant(timeZone, day + start * MINUTE_MS), wallToInstant(timeZone, endWall)];
  return span[0] < span[1] ? span : null;
}

/**
 * Open spans, sorted and merged (touching spans join, so mon 22:00–24:00 + tue 00:00–02:00 is one
 * span and midnight is not a change), for ranges starting on local dates `fromDay`..`toDay`
 * relative to the local date of `at`.
 */
function openSpans(hours: OfficeHours, at: number, fromDay: number, toDay: number): Span[] {
  const today = startOfWallDay(instantToWall(hours.timeZone, at));
  const holidays = new Set(hours.holidays);
  const spans: Span[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const day = today + d * DAY_MS;
    if (holidays.has(wallDateString(day))) continue;
    const weekday = WEEKDAYS[new Date(day).getUTCDay()];
    for (const range of hours.ranges) {
      if (range.day !== weekday) continue;
      const span = occurrence(hours.timeZone, range, day);
      if (span) spans.push(span);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * Whether the schedule is open at `at` (epoch ms). Starts on the day before (overnight ranges) and
 * two days before (a zone whose clock falls back across midnight) can still cover `at`.
 */
export function isOpenAt(hours: OfficeHours, at: number): boolean {
  return openSpans(hours, at, -2, 1).some(([start, end]) => start <= at && at < end);
}

/** The next instant after `at` where isOpenAt flips, within LOOKAHEAD_MS; null if none. */
export function nextChange(hours: OfficeHours, at: number): number | null {
  const limit = at + LOOKAHEAD_MS;
  // Local dates up to 17 days on cover every range starting before the limit, with room for DST.
  for (const [start, end] of openSpans(hours, at, -2, 17)) {
    const boundary = start > at ? start : end > at ? end : null;
    if (boundary !== null) return boundary <= limit ? boundary : null;
  }
  return null;
}

/** When closed at `at`: the instant it next opens, within LOOKAHEAD_MS. Null when open now or no opening is that close. */
export function nextOpening(hours: OfficeHours, at: number): number | null {
  // While closed, the next change is an opening.
  return isOpenAt(hours, at) ? null : nextChange(hours, at);
}
