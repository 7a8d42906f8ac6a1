import { useId, useState } from 'preact/hooks';
import { focusLater } from './focusLater.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'UTC' });

/** Local dates on which the office stays closed all day (A7). */
export function HolidaysEditor({ holidays, onChange }: { holidays: string[]; onChange: (holidays: string[]) => void }) {
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function add() {
    if (!DATE.test(date)) {
      setError('Pick a date first.');
      return;
    }
    setError(null);
    if (!holidays.includes(date)) onChange([...holidays, date].sort());
    setDate('');
  }

  function remove(holiday: string) {
    onChange(holidays.filter((h) => h !== holiday));
    focusLater(`#${CSS.escape(id)}`);
  }

  return (
    <fieldset class="holidays">
      <legend>Holidays</legend>
      {holidays.length === 0 ? (
        <p class="field-hint">No holidays.</p>
      ) : (
        <ul class="holiday-list">
          {holidays.map((holiday) => (
            <li key={holiday}>
              <time dateTime={holiday}>{longDate.format(new Date(`${holiday}T00:00:00Z`))}</time>
              <button type="button" class="button small" aria-label={`Remove holiday ${holiday}`} onClick={() => remove(holiday)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="inline-field">
        <label for={id}>Holiday date</label>
        <input
          id={id}
          type="date"
          value={date}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(event) => setDate(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter adds the date instead of submitting the whole settings form.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="button small" onClick={add}>
          Add holiday
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} class="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
