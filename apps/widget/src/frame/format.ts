/**
 * Display helpers for the thread and the notices. Dates, times and numbers are written in the
 * chatflow's language (W16, the active language of ./i18n) and the visitor's own time zone.
 * `locale` and `timeZone` parameters are for tests; the frame passes neither.
 */
import { activeLanguage } from './i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and the thread formats every message: keep them. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function sameDay(a: number, b: number, locale: string, timeZone?: string): boolean {
  const day = dateFormat(locale, { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  return day.format(a) === day.format(b);
}

/**
 * When a message was written: the time alone today ("14.05" in Finnish, "2:05 PM" in English),
 * with the date for older messages (a thread kept across days), the year only when it differs.
 */
export function formatTime(epochMs: number, now = Date.now(), locale: string = activeLanguage(), timeZone?: string): string {
  const time: Intl.DateTimeFormatOptions = { timeZone, hour: 'numeric', minute: '2-digit' };
  if (sameDay(epochMs, now, locale, timeZone)) return dateFormat(locale, time).format(epochMs);
  const thisYear = dateFormat(locale, { timeZone, year: 'numeric' });
  const year = thisYear.format(epochMs) === thisYear.format(now) ? {} : { year: 'numeric' as const };
  return dateFormat(locale, { ...time, month: 'short', day: 'numeric', ...year }).format(epochMs);
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

/**
 * When the team is back (W7 offline): "Monday 9:00 AM", "maanantaina 9.00". A weekday alone is
 * unambiguous for less than six days ahead; further out the date is added.
 */
export function formatReturnTime(epochMs: number, now: number, locale: string = activeLanguage(), timeZone?: string): string {
  const far = epochMs - now >= 6 * DAY_MS;
  return dateFormat(locale, {
    timeZone,
    weekday: 'long',
    ...(far ? { month: 'long', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  }).format(epochMs);
}

/** "5 minutes", "5 minuuttia", "5 minut": Intl knows each language's plural forms. */
export function formatMinutes(minutes: number, locale: string = activeLanguage()): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

/** A count in the language's digits grouping ("5 000" in Finnish, "5,000" in English). */
export function formatNumber(value: number, locale: string = activeLanguage()): string {
  return new Intl.NumberFormat(locale).format(value);
}
