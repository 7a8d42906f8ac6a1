import type { ChatflowDisplay, ChatflowTriggers } from '@parley/protocol';
import { NumberField } from '../fields/NumberField.js';
import { DESKTOP_DISPLAYS, MOBILE_DISPLAYS } from './labels.js';
import { RadioGroup } from './RadioGroup.js';

interface DisplaySectionProps {
  value: ChatflowDisplay;
  onChange: (value: ChatflowDisplay) => void;
}

/** How the widget behaves on desktop and mobile (W3) and when it acts (W4). */
export function DisplaySection({ value, onChange }: DisplaySectionProps) {
  const setTriggers = (change: Partial<ChatflowTriggers>) => onChange({ ...value, triggers: { ...value.triggers, ...change } });
  return (
    <>
      <fieldset class="settings-section">
        <legend>Display behaviour</legend>
        <RadioGroup legend="On desktop" value={value.desktop} choices={DESKTOP_DISPLAYS} onChange={(desktop) => onChange({ ...value, desktop })} />
        <RadioGroup legend="On mobile" value={value.mobile} choices={MOBILE_DISPLAYS} onChange={(mobile) => onChange({ ...value, mobile })} />
        <p class="field-hint">Visitors can always dismiss the prompt. If they minimized the chat in the last 24 hours, only the launcher shows.</p>
      </fieldset>
      <fieldset class="settings-section">
        <legend>Triggers</legend>
        <p class="field-hint">
          The prompt waits for the first trigger (without any, it shows at once); with “open the chat when a trigger fires”, the
          first trigger opens the chat.
        </p>
        <label class="checkbox">
          <input type="checkbox" checked={value.triggers.exitIntent} onChange={(event) => setTriggers({ exitIntent: event.currentTarget.checked })} />
          <span>Exit intent: the pointer moves towards the top of the window (desktop)</span>
        </label>
        <OptionalNumber
          label="Seconds on the page"
          value={value.triggers.secondsOnPage}
          onChange={(secondsOnPage) => setTriggers({ secondsOnPage })}
          min={1}
          max={3600}
          hint="5 s or more recommended. Empty: off."
        />
        <OptionalNumber
          label="Percent of the page scrolled"
          value={value.triggers.scrollPercent}
          onChange={(scrollPercent) => setTriggers({ scrollPercent })}
          min={1}
          max={100}
          hint="From 1 to 100. Empty: off."
        />
      </fieldset>
    </>
  );
}

interface OptionalNumberProps {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min: number;
  max: number;
  hint: string;
}

/** A number that may be left empty (= off). A value out of range is kept and reported on save. */
function OptionalNumber({ label, value, onChange, min, max, hint }: OptionalNumberProps) {
  const invalid = value !== null && (!Number.isInteger(value) || value < min || value > max);
  return (
    <NumberField
      class="narrow-field"
      label={label}
      value={value === null ? '' : String(value)}
      onInput={(text) => onChange(text.trim() === '' ? null : Number(text.trim()))}
      min={min}
      max={max}
      hint={hint}
      invalid={invalid}
      required={false}
    />
  );
}
