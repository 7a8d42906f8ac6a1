import type { ChatflowLanguage } from '@parley/protocol';
import { useId } from 'preact/hooks';
import { LANGUAGES } from './labels.js';

/** The chatflow's language (W16): every text the widget shows visitors, and the default texts. */
export function LanguageSelect({ value, onChange }: { value: ChatflowLanguage; onChange: (value: ChatflowLanguage) => void }) {
  const id = useId();
  return (
    <div class="field narrow-field">
      <label for={id}>Language</label>
      <select id={id} value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.currentTarget.value as ChatflowLanguage)}>
        {LANGUAGES.map((choice) => (
          // Each name in its own language, marked so a screen reader pronounces it so.
          <option key={choice.value} value={choice.value} lang={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} class="field-hint">
        The language of everything the widget says to visitors: buttons, notices, dates and times.
      </p>
    </div>
  );
}
