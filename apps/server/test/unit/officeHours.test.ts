/**
 * Office hours (W7). Every expected instant is written as Date.UTC with the zone's offset worked
 * out by hand (Helsinki +2 winter / +3 summer, New York −5 / −4, Los Angeles −8, Tokyo +9), so the
 * assertions do not reuse the code's own zone conversion.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OfficeHours, OfficeHoursRange, Weekday } from '@parley/protocol';
import { isOpenAt, nextChange, nextOpening, validateOfficeHours } from '../../src/domain/availability/officeHours.js';
import { DomainError } from '../../src/domain/errors.js';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, mi, s, ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function schedule(timeZone: string, ranges: OfficeHoursRange[], holidays: string[] = []): OfficeHours {
  return { timeZone, ranges, holidays };
}
const daily = (start: string, end: string, days: Weekday[] = ALL_DAYS) => days.map((day) => ({ day, start, end }));

describe('several ranges per day', () => {
  // Helsinki in January is UTC+2. Monday 2026-01-12.
  const hours = schedule('Europe/Helsinki', [
    { day: 'mon', start: '09:00', end: '12:00' },
    { day: 'mon', start: '13:00', end: '17:30' },
  ]);

  test('open inside each range, closed before, between and after; ends are exclusive', () => {
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 6, 59, 59, 999)), false, '08:59:59.999 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 7)), true, '09:00 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 9, 59)), true, '11:59 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 10)), false, '12:00 local, lunch');
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 11)), true, '13:00 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 15, 29)), true, '17:29 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 15, 30)), false, '17:30 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 13, 8)), false, 'Tuesday has no ranges');
  });

  test('nextChange and nextOpening walk the boundaries', () => {
    assert.equal(nextChange(hours, utc(2026, 1, 12, 5)), utc(2026, 1, 12, 7));
    assert.equal(nextChange(hours, utc(2026, 1, 12, 7)), utc(2026, 1, 12, 10), 'strictly after the opening instant');
    assert.equal(nextChange(hours, utc(2026, 1, 12, 10)), utc(2026, 1, 12, 11));
    assert.equal(nextChange(hours, utc(2026, 1, 12, 12)), utc(2026, 1, 12, 15, 30));
    assert.equal(nextOpening(hours, utc(2026, 1, 12, 10, 30)), utc(2026, 1, 12, 11));
    assert.equal(nextOpening(hours, utc(2026, 1, 12, 12)), null, 'open now');
    assert.equal(nextOpening(hours, utc(2026, 1, 12, 16)), utc(2026, 1, 19, 7), 'next Monday 09:00 local');
  });

  test('overlapping and touching ranges act as one opening', () => {
    const joined = schedule('Europe/Helsinki', [
      { day: 'mon', start: '09:00', end: '12:00' },
      { day: 'mon', start: '11:00', end: '14:00' },
      { day: 'mon', start: '14:00', end: '15:00' },
    ]);
    assert.equal(isOpenAt(joined, utc(2026, 1, 12, 11, 30)), true);
    assert.equal(nextChange(joined, utc(2026, 1, 12, 8)), utc(2026, 1, 12, 13), 'closes at 15:00 local');
  });
});

describe('holidays', () => {
  const hours = schedule('Europe/Helsinki', daily('09:00', '17:00', ['mon', 'tue', 'wed', 'thu', 'fri']), ['2026-01-06']);

  test('a holiday closes its local day only', () => {
    assert.equal(isOpenAt(hours, utc(2026, 1, 5, 8)), true, 'Monday 10:00 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 6, 8)), false, 'Tuesday 2026-01-06 is a holiday');
    assert.equal(isOpenAt(hours, utc(2026, 1, 7, 8)), true, 'Wednesday');
    assert.equal(nextOpening(hours, utc(2026, 1, 5, 15)), utc(2026, 1, 7, 7), 'Monday evening → Wednesday 09:00 local');
    assert.equal(nextChange(hours, utc(2026, 1, 5, 8)), utc(2026, 1, 5, 15));
  });

  test('the holiday is the local date, not the UTC date', () => {
    // Tokyo is UTC+9: the local holiday 2026-01-06 runs from 2026-01-05 15:00 to 2026-01-06 15:00 UTC.
    const tokyo = schedule('Asia/Tokyo', daily('00:00', '24:00'), ['2026-01-06']);
    assert.equal(isOpenAt(tokyo, utc(2026, 1, 5, 14, 59)), true);
    assert.equal(isOpenAt(tokyo, utc(2026, 1, 5, 15)), false);
    assert.equal(isOpenAt(tokyo, utc(2026, 1, 6, 14, 59)), false);
    assert.equal(isOpenAt(tokyo, utc(2026, 1, 6, 15)), true);
    assert.equal(nextChange(tokyo, utc(2026, 1, 4)), utc(2026, 1, 5, 15));
    assert.equal(nextOpening(tokyo, utc(2026, 1, 5, 20)), utc(2026, 1, 6, 15));
  });

  test('an overnight range belongs to the day it starts on', () => {
    // Friday 2026-01-16 22:00 – Saturday 02:00 in Helsinki (UTC+2) = Fri 20:00 – Sat 00:00 UTC.
    const range: OfficeHoursRange = { day: 'fri', start: '22:00', end: '02:00' };
    const saturdayHoliday = schedule('Europe/Helsinki', [range], ['2026-01-17']);
    assert.equal(isOpenAt(saturdayHoliday, utc(2026, 1, 16, 21)), true, 'Friday 23:00 local');
    assert.equal(isOpenAt(saturdayHoliday, utc(2026, 1, 16, 23)), true, 'Saturday 01:00 local, still Friday’s range');
    const fridayHoliday = schedule('Europe/Helsinki', [range], ['2026-01-16']);
    assert.equal(isOpenAt(fridayHoliday, utc(2026, 1, 16, 21)), false);
    assert.equal(isOpenAt(fridayHoliday, utc(2026, 1, 16, 23)), false);
    assert.equal(nextOpening(fridayHoliday, utc(2026, 1, 16, 21)), utc(2026, 1, 23, 20), 'the next Friday 22:00 local');
  });

  test('nextOpening looks 15 days ahead at most', () => {
    // Mondays only; from Monday 2026-01-05 18:00 local. One holiday: next opening in 14 days.
    const from = utc(2026, 1, 5, 16);
    const one = schedule('Europe/Helsinki', daily('09:00', '17:00', ['mon']), ['2026-01-12']);
    assert.equal(nextOpening(one, from), utc(2026, 1, 19, 7));
    const two = schedule('Europe/Helsinki', daily('09:00', '17:00', ['mon']), ['2026-01-12', '2026-01-19']);
    assert.equal(nextOpening(two, from), null, 'the next opening is 21 days away');
    assert.equal(nextChange(two, from), null);
  });
});

describe('across midnight in zones far from UTC', () => {
  test('Tokyo: a Monday-morning range is Sunday evening in UTC', () => {
    // Monday 2026-01-12 08:00–10:00 JST = Sunday 2026-01-11 23:00 – Monday 01:00 UTC.
    const hours = schedule('Asia/Tokyo', [{ day: 'mon', start: '08:00', end: '10:00' }]);
    assert.equal(isOpenAt(hours, utc(2026, 1, 11, 23, 30)), true, 'UTC Sunday, Tokyo Monday');
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 0, 59)), true);
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 1)), false);
    assert.equal(isOpenAt(hours, utc(2026, 1, 12, 23, 30)), false, 'UTC Monday, Tokyo Tuesday');
    assert.equal(nextOpening(hours, utc(2026, 1, 11, 12)), utc(2026, 1, 11, 23));
  });

  test('Tokyo: overnight Saturday range', () => {
    // Saturday 2026-01-17 20:00 JST – Sunday 03:00 JST = Sat 11:00 – Sat 18:00 UTC.
    const hours = schedule('Asia/Tokyo', [{ day: 'sat', start: '20:00', end: '03:00' }]);
    assert.equal(isOpenAt(hours, utc(2026, 1, 17, 10, 59)), false);
    assert.equal(isOpenAt(hours, utc(2026, 1, 17, 16)), true, 'Sunday 01:00 JST');
    assert.equal(isOpenAt(hours, utc(2026, 1, 17, 18)), false);
    assert.equal(nextChange(hours, utc(2026, 1, 17, 12)), utc(2026, 1, 17, 18));
  });

  test('Los Angeles: Friday evening is Saturday in UTC, and an overnight range', () => {
    // Friday 2026-01-16 17:00–20:00 PST = Saturday 01:00–04:00 UTC;
    // Friday 22:00 – Saturday 02:00 PST = Saturday 06:00–10:00 UTC.
    const hours = schedule('America/Los_Angeles', [
      { day: 'fri', start: '17:00', end: '20:00' },
      { day: 'fri', start: '22:00', end: '02:00' },
    ]);
    assert.equal(isOpenAt(hours, utc(2026, 1, 17, 2)), true, 'UTC Saturday, LA Friday 18:00');
    assert.equal(isOpenAt(hours, utc(2026, 1, 16, 2)), false, 'UTC Friday, LA Thursday 18:00');
    assert.equal(isOpenAt(hours, utc(2026, 1, 17, 5)), false, 'Friday 21:00 local, between ranges');
    assert.equal(isOpenAt(hours, utc(2026, 1, 17, 9, 59)), true, 'Saturday 01:59 local');
    assert.equal(isOpenAt(hours, utc(2026, 1, 17, 10)), false, 'Saturday 02:00 local');
    assert.equal(nextChange(hours, utc(2026, 1, 17, 4)), utc(2026, 1, 17, 6));
    assert.equal(nextChange(hours, utc(2026, 1, 17, 7)), utc(2026, 1, 17, 10));
    assert.equal(nextOpening(hours, utc(2026, 1, 17, 10)), utc(2026, 1, 24, 1), 'the next Friday 17:00 local');
  });

  test('an overnight range and the next day’s morning range join across midnight', () => {
    const hours = schedule('America/Los_Angeles', [
      { day: 'mon', start: '22:00', end: '24:00' },
      { day: 'tue', start: '00:00', end: '06:00' },
    ]);
    // Monday 2026-01-12 23:00 PST = Tuesday 07:00 UTC; Tuesday 06:00 PST = 14:00 UTC.
    assert.equal(isOpenAt(hours, utc(2026, 1, 13, 8)), true);
    assert.equal(nextChange(hours, utc(2026, 1, 13, 7)), utc(2026, 1, 13, 14), 'midnight is not a change');
  });
});

describe('DST: Europe/Helsinki (03:00 → 04:00 on 2026-03-29, 04:00 → 03:00 on 2026-10-25)', () => {
  const hours = schedule('Europe/Helsinki', daily('09:00', '17:00'));

  test('spring: 09:00–17:00 local on both sides of the change', () => {
    // Saturday 2026-03-28 is UTC+2; Sunday 2026-03-29 is UTC+3.
    assert.equal(isOpenAt(hours, utc(2026, 3, 28, 6, 30)), false, 'Sat 08:30 local');
    assert.equal(isOpenAt(hours, utc(2026, 3, 28, 14, 30)), true, 'Sat 16:30 local');
    assert.equal(isOpenAt(hours, utc(2026, 3, 29, 6, 30)), true, 'Sun 09:30 local (08:30 at the old offset)');
    assert.equal(isOpenAt(hours, utc(2026, 3, 29, 14, 30)), false, 'Sun 17:30 local (16:30 at the old offset)');
    assert.equal(nextOpening(hours, utc(2026, 3, 28, 16)), utc(2026, 3, 29, 6), 'Sat 18:00 → Sun 09:00 summer time');
    assert.equal(nextChange(hours, utc(2026, 3, 29, 6)), utc(2026, 3, 29, 14));
  });

  test('autumn: 09:00–17:00 local on both sides of the change', () => {
    // Saturday 2026-10-24 is UTC+3; Sunday 2026-10-25 is UTC+2.
    assert.equal(isOpenAt(hours, utc(2026, 10, 24, 6)), true, 'Sat 09:00 local');
    assert.equal(isOpenAt(hours, utc(2026, 10, 25, 6, 30)), false, 'Sun 08:30 local (09:30 at the old offset)');
    assert.equal(isOpenAt(hours, utc(2026, 10, 25, 14, 30)), true, 'Sun 16:30 local (17:30 at the old offset)');
    assert.equal(nextOpening(hours, utc(2026, 10, 24, 14)), utc(2026, 10, 25, 7), 'Sat 17:00 → Sun 09:00 winter time');
    assert.equal(nextChange(hours, utc(2026, 10, 25, 7)), utc(2026, 10, 25, 15));
  });

  test('a bound in the spring gap takes effect when the gap ends', () => {
    // 03:30 does not exist on 2026-03-29: the clock goes 02:59:59 (UTC+2) → 04:00 (UTC+3) at 01:00 UTC.
    const gap = schedule('Europe/Helsinki', [{ day: 'sun', start: '03:30', end: '05:00' }]);
    assert.equal(isOpenAt(gap, utc(2026, 3, 29, 0, 59)), false, '02:59 winter time');
    assert.equal(isOpenAt(gap, utc(2026, 3, 29, 1)), true, '04:00 summer time');
    assert.equal(nextOpening(gap, utc(2026, 3, 28, 22)), utc(2026, 3, 29, 1));
    assert.equal(nextChange(gap, utc(2026, 3, 29, 1)), utc(2026, 3, 29, 2), '05:00 summer time');
    // A range wholly inside the gap does not open that day; the next Sunday it does (UTC+3).
    const lost = schedule('Europe/Helsinki', [{ day: 'sun', start: '03:10', end: '03:50' }]);
    assert.equal(nextOpening(lost, utc(2026, 3, 28, 22)), utc(2026, 4, 5, 0, 10));
  });

  test('a bound in the repeated autumn hour uses its first occurrence', () => {
    // 03:00–03:59 happens twice on 2026-10-25: first at UTC+3 (00:00–00:59 UTC), then at UTC+2 (01:00–01:59 UTC).
    const closesInRepeat = schedule('Europe/Helsinki', [{ day: 'sun', start: '01:00', end: '03:30' }]);
    assert.equal(isOpenAt(closesInRepeat, utc(2026, 10, 24, 22)), true, '01:00 summer time');
    assert.equal(isOpenAt(closesInRepeat, utc(2026, 10, 25, 0, 29)), true, 'first 03:29');
    assert.equal(isOpenAt(closesInRepeat, utc(2026, 10, 25, 0, 30)), false, 'first 03:30');
    assert.equal(isOpenAt(closesInRepeat, utc(2026, 10, 25, 1, 15)), false, 'second 03:15: does not reopen');
    const opensInRepeat = schedule('Europe/Helsinki', [{ day: 'sun', start: '03:30', end: '06:00' }]);
    assert.equal(nextOpening(opensInRepeat, utc(2026, 10, 24, 21)), utc(2026, 10, 25, 0, 30));
    assert.equal(isOpenAt(opensInRepeat, utc(2026, 10, 25, 1, 15)), true, 'second 03:15: stays open');
    assert.equal(nextChange(opensInRepeat, utc(2026, 10, 25, 1)), utc(2026, 10, 25, 4), '06:00 winter time');
  });
});

describe('DST: America/New_York (02:00 → 03:00 on 2026-03-08, 02:00 → 01:00 on 2026-11-01)', () => {
  const hours = schedule('America/New_York', daily('09:00', '17:00'));

  test('spring: 09:00–17:00 local on both sides of the change', () => {
    // Saturday 2026-03-07 is UTC−5; Sunday 2026-03-08 is UTC−4.
    assert.equal(isOpenAt(hours, utc(2026, 3, 7, 14)), true, 'Sat 09:00 local');
    assert.equal(isOpenAt(hours, utc(2026, 3, 7, 21, 59)), true, 'Sat 16:59 local');
    assert.equal(isOpenAt(hours, utc(2026, 3, 8, 13, 30)), true, 'Sun 09:30 local (08:30 at the old offset)');
    assert.equal(isOpenAt(hours, utc(2026, 3, 8, 21, 30)), false, 'Sun 17:30 local (16:30 at the old offset)');
    assert.equal(nextOpening(hours, utc(2026, 3, 7, 23)), utc(2026, 3, 8, 13), 'Sat 18:00 → Sun 09:00 daylight time');
    assert.equal(nextChange(hours, utc(2026, 3, 8, 13)), utc(2026, 3, 8, 21));
  });

  test('autumn: 09:00–17:00 local on both sides of the change', () => {
    // Saturday 2026-10-31 is UTC−4; Sunday 2026-11-01 is UTC−5.
    assert.equal(isOpenAt(hours, utc(2026, 10, 31, 13)), true, 'Sat 09:00 local');
    assert.equal(isOpenAt(hours, utc(2026, 11, 1, 13, 30)), false, 'Sun 08:30 local (09:30 at the old offset)');
    assert.equal(isOpenAt(hours, utc(2026, 11, 1, 21, 30)), true, 'Sun 16:30 local (17:30 at the old offset)');
    assert.equal(nextOpening(hours, utc(2026, 10, 31, 22)), utc(2026, 11, 1, 14), 'Sat 18:00 → Sun 09:00 standard time');
    assert.equal(nextChange(hours, utc(2026, 11, 1, 14)), utc(2026, 11, 1, 22));
  });

  test('gap and repeat bounds', () => {
    // 02:30 does not exist on 2026-03-08: the clock jumps 02:00 EST → 03:00 EDT at 07:00 UTC.
    const gap = schedule('America/New_York', [{ day: 'sun', start: '02:30', end: '04:00' }]);
    assert.equal(nextOpening(gap, utc(2026, 3, 8, 5)), utc(2026, 3, 8, 7));
    assert.equal(nextChange(gap, utc(2026, 3, 8, 7)), utc(2026, 3, 8, 8), '04:00 daylight time');
    // 01:30 happens twice on 2026-11-01 (05:30 and 06:30 UTC); 02:00 only once, in standard time (07:00 UTC).
    const repeat = schedule('America/New_York', [{ day: 'sun', start: '01:30', end: '02:00' }]);
    assert.equal(nextOpening(repeat, utc(2026, 11, 1, 4)), utc(2026, 11, 1, 5, 30));
    assert.equal(isOpenAt(repeat, utc(2026, 11, 1, 6, 15)), true, '01:15 standard time, between the two 01:30s');
    assert.equal(nextChange(repeat, utc(2026, 11, 1, 5, 30)), utc(2026, 11, 1, 7));
  });
});

describe('nextChange edge cases', () => {
  test('always open and never open have no change', () => {
    const always = schedule('Europe/Helsinki', daily('00:00', '24:00'));
    assert.equal(isOpenAt(always, utc(2026, 3, 29, 1)), true);
    assert.equal(nextChange(always, utc(2026, 3, 20)), null, 'not even across the DST change');
    assert.equal(nextOpening(always, utc(2026, 3, 20)), null);
    const never = schedule('Europe/Helsinki', []);
    assert.equal(isOpenAt(never, utc(2026, 3, 20)), false);
    assert.equal(nextChange(never, utc(2026, 3, 20)), null);
    assert.equal(nextOpening(never, utc(2026, 3, 20)), null);
  });

  test('a closing exactly 15 days ahead is found, one just beyond is not', () => {
    // Open around the clock except on the holiday 2026-01-20, which starts at 2026-01-19 22:00 UTC (UTC+2).
    const hours = schedule('Europe/Helsinki', daily('00:00', '24:00'), ['2026-01-20']);
    const closing = utc(2026, 1, 19, 22);
    assert.equal(nextChange(hours, closing - DAY), closing);
    assert.equal(nextChange(hours, closing), utc(2026, 1, 20, 22), 'reopens at 2026-01-21 00:00 local');
    assert.equal(nextChange(hours, closing - 15 * DAY), closing, 'exactly 15 days ahead');
    assert.equal(nextChange(hours, closing - 15 * DAY - 1), null, '1 ms beyond 15 days');
    assert.equal(nextOpening(hours, closing + HOUR), utc(2026, 1, 20, 22));
  });
});

describe('validateOfficeHours', () => {
  const valid = schedule('Europe/Helsinki', [
    { day: 'mon', start: '09:00', end: '24:00' },
    { day: 'fri', start: '22:00', end: '02:00' },
  ], ['2028-02-29']);

  const rejects = (hours: OfficeHours, detail: RegExp) =>
    assert.throws(
      () => validateOfficeHours(hours),
      (error: unknown) => error instanceof DomainError && error.code === 'validation_failed' && detail.test(error.detail ?? ''),
    );

  test('a good schedule passes', () => {
    assert.doesNotThrow(() => validateOfficeHours(valid));
  });

  test('unknown time zone', () => {
    rejects({ ...valid, timeZone: 'Mars/Olympus' }, /time zone "Mars\/Olympus"/);
    rejects({ ...valid, timeZone: '' }, /time zone/);
  });

  test('start equal to end', () => {
    rejects({ ...valid, ranges: [{ day: 'tue', start: '10:00', end: '10:00' }] }, /ranges\[0\].*start and end/);
  });

  test('malformed times', () => {
    rejects({ ...valid, ranges: [{ day: 'tue', start: '9:00', end: '10:00' }] }, /start "9:00"/);
    rejects({ ...valid, ranges: [{ day: 'tue', start: '24:00', end: '10:00' }] }, /start "24:00"/);
    rejects({ ...valid, ranges: [{ day: 'tue', start: '09:00', end: '24:30' }] }, /end "24:30"/);
    rejects({ ...valid, ranges: [{ day: 'someday' as Weekday, start: '09:00', end: '10:00' }] }, /unknown day/);
  });

  test('invalid holiday dates', () => {
    rejects({ ...valid, holidays: ['2026-02-29'] }, /holidays\[0\]/);
    rejects({ ...valid, holidays: ['2026-01-05', '2026-1-5'] }, /holidays\[1\]/);
    rejects({ ...valid, holidays: ['2026-13-01'] }, /holidays\[0\]/);
    rejects({ ...valid, holidays: ['tomorrow'] }, /holidays\[0\]/);
  });
});
