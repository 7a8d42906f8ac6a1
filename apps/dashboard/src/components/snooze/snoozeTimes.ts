/** Snooze presets (I3), in the agent's local time. */

export interface SnoozePreset {
  label: string;
  until: (now: Date) => number;
}

const HOUR = 60 * 60 * 1000;

/** 9:00 local time, `days` days after `now`'s date. */
function nineAm(now: Date, days: number): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0, 0, 0).getTime();
}

export const SNOOZE_PRESETS: ReadonlyArray<SnoozePreset> = [
  { label: '1 hour', until: (now) => now.getTime() + HOUR },
  { label: 'Tomorrow 9:00', until: (now) => nineAm(now, 1) },
  // The coming Monday; on a Monday, the one a week later.
  { label: 'Next week (Monday 9:00)', until: (now) => nineAm(now, (8 - now.getDay()) % 7 || 7) },
];

/** A `datetime-local` value ("2026-11-25T14:30") is local time; null when empty or malformed. */
export function parseLocalDateTime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, 0, 0);
  return Number.isNaN(at.getTime()) ? null : at.getTime();
}

/** For the input's `min`: now, as a `datetime-local` value. */
export function toLocalDateTime(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const untilFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "Wed, Nov 25, 9:00 AM": what the header shows after "Snoozed until". */
export function snoozeTimeText(at: number): string {
  return untilFormat.format(at);
}
