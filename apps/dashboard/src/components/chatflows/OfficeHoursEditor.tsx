import { useMemo } from 'preact/hooks';
import { newKey, type AvailabilityDraft, type RangeDraft } from '../../state/chatflowDraft.js';
import { DAYS, isTime } from '../../state/chatflowProblems.js';
import { SelectField } from '../fields/SelectField.js';
import { DayHours } from './DayHours.js';
import { HolidaysEditor } from './HolidaysEditor.js';

type OfficeHoursDraft = Pick<AvailabilityDraft, 'timeZone' | 'ranges' | 'holidays'>;

interface OfficeHoursEditorProps {
  value: OfficeHoursDraft;
  onChange: (change: Partial<OfficeHoursDraft>) => void;
}

const TUESDAY_TO_FRIDAY: ReadonlyArray<RangeDraft['day']> = ['tue', 'wed', 'thu', 'fri'];

/** Weekly opening hours in one time zone, several ranges a day, plus holidays (W7, A7). */
export function OfficeHoursEditor({ value, onChange }: OfficeHoursEditorProps) {
  const zones = useTimeZones(value.timeZone);
  const { ranges } = value;
  const replace = (range: RangeDraft) => onChange({ ranges: ranges.map((r) => (r.key === range.key ? range : r)) });
  const monday = ranges.filter((r) => r.day === 'mon');

  function copyMondayToWeekdays() {
    const kept = ranges.filter((r) => !TUESDAY_TO_FRIDAY.includes(r.day));
    const copies = TUESDAY_TO_FRIDAY.flatMap((day) => monday.map((r) => ({ ...r, day, key: newKey() })));
    onChange({ ranges: [...kept, ...copies] });
  }

  return (
    <fieldset class="office-hours">
      <legend>Office hours</legend>
      <SelectField label="Time zone" value={value.timeZone} choices={zones} onChange={(timeZone) => onChange({ timeZone })} />
      <p class="field-hint">
        Times are HH:MM, 24-hour, in this time zone. 24:00 means midnight; an end at or before the start runs past midnight.
      </p>
      <div class="week">
        {DAYS.map(({ day, name }) => (
          <DayHours
            key={day}
            day={day}
            dayName={name}
            ranges={ranges.filter((r) => r.day === day)}
            onAdd={() => {
              const range: RangeDraft = { key: newKey(), day, ...nextOpening(ranges.filter((r) => r.day === day)) };
              onChange({ ranges: [...ranges, range] });
              return range;
            }}
            onChange={replace}
            onRemove={(key) => onChange({ ranges: ranges.filter((r) => r.key !== key) })}
          />
        ))}
      </div>
      {monday.length > 0 && (
        <button type="button" class="button small" onClick={copyMondayToWeekdays}>
          Copy Monday's hours to Tuesday–Friday
        </button>
      )}
      <HolidaysEditor holidays={value.holidays} onChange={(holidays) => onChange({ holidays })} />
    </fieldset>
  );
}

/** A new range starts where the day's last one ends (a second shift), or 09:00–17:00. */
function nextOpening(dayRanges: RangeDraft[]): { start: string; end: string } {
  const last = dayRanges[dayRanges.length - 1];
  const endsInDay = last && isTime(last.start) && isTime(last.end) && last.end !== '24:00' && last.end > last.start;
  return endsInDay ? { start: last.end, end: '24:00' } : { start: '09:00', end: '17:00' };
}

/** Every zone this browser knows; the saved one stays listed even if this browser lacks it. */
function useTimeZones(current: string): Array<{ value: string; label: string }> {
  return useMemo(() => {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    const all = new Set(zones);
    if (!all.has('UTC')) all.add('UTC');
    if (current) all.add(current);
    return [...all].sort().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
  }, [current]);
}
