import { useId } from 'preact/hooks';
import type { Choice } from '../fields/SelectField.js';

export interface HintedChoice<T extends string> extends Choice<T> {
  hint?: string;
}

interface RadioChoicesProps<T extends string> {
  legend: string;
  value: T;
  choices: ReadonlyArray<HintedChoice<T>>;
  onChange: (value: T) => void;
}

/** A fieldset of radio buttons: every option visible at once, which suits a wizard's few choices. */
export function RadioChoices<T extends string>({ legend, value, choices, onChange }: RadioChoicesProps<T>) {
  const name = useId();
  return (
    <fieldset class="radio-choices">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div class="radio-choice" key={choice.value}>
          <input
            type="radio"
            id={`${name}-${choice.value}`}
            name={name}
            value={choice.value}
            checked={value === choice.value}
            aria-describedby={choice.hint ? `${name}-${choice.value}-hint` : undefined}
            onChange={() => onChange(choice.value)}
          />
          <label for={`${name}-${choice.value}`}>{choice.label}</label>
          {choice.hint && (
            <p id={`${name}-${choice.value}-hint`} class="field-hint">
              {choice.hint}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
