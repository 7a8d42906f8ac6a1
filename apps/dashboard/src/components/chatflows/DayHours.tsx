import type { Weekday } from '@parley/protocol';
import { useId } from 'preact/hooks';
import { isTime } from '../../state/chatflowProblems.js';
import type { RangeDraft } from '../../state/chatflowDraft.js';
import { focusLater } from './focusLater.js';

interface DayHoursProps {
  day: Weekday;
  dayName: string;
  ranges: RangeDraft[];
  onAdd: () => RangeDraft;
  onChange: (range: RangeDraft) => void;
  onRemove: (key: number) => void;
}

/** One weekday's opening hours: any number of ranges, none = closed all day. */
export function DayHours({ day, dayName, ranges, onAdd, onChange, onRemove }: DayHoursProps) {
  const addId = `hours-${day}-add`;

  function add() {
    const range = onAdd();
    focusLater(`#range-${range.key} input`);
  }

  function remove(key: number) {
    onRemove(key);
    focusLater(`#${addId}`);
  }

  return (
    <fieldset class="day-hours">
      <legend>{dayName}</legend>
      {ranges.length === 0 && <p class="field-hint">Closed</p>}
      {ranges.map((range, index) => (
        <div key={range.key} id={`range-${range.key}`} class="range" role="group" aria-label={`${dayName}, hours ${index + 1}`}>
          <TimeInput label="From" value={range.start} onInput={(start) => onChange({ ...range, start })} />
          <TimeInput label="To" value={range.end} onInput={(end) => onChange({ ...range, end })} />
          <button
            type="button"
            class="button small"
            aria-label={`Remove ${dayName.toLowerCase()} hours ${index + 1}`}
            onClick={() => remove(range.key)}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" id={addId} class="button small" aria-label={`Add hours on ${dayName}`} onClick={add}>
        Add hours
      </button>
    </fieldset>
  );
}

/**
 * HH:MM as text rather than a time picker: pickers follow the browser's 12/24-hour locale and
 * cannot say 24:00 (open until midnight).
 */
function TimeInput({ label, value, onInput }: { label: string; value: string; onInput: (value: string) => void }) {
  const id = useId();
  const invalid = !isTime(value);
  return (
    <div class="time-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        size={5}
        maxLength={5}
        placeholder="HH:MM"
        value={value}
        aria-invalid={invalid || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
