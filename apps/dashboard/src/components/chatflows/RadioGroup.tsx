import { useId } from 'preact/hooks';
import type { Choice } from '../fields/SelectField.js';

interface RadioGroupProps<T extends string> {
  legend: string;
  value: T;
  choices: ReadonlyArray<Choice<T>>;
  onChange: (value: T) => void;
  hint?: string;
}

/** A fieldset of radio buttons over a fixed set of values; the legend names the group. */
export function RadioGroup<T extends string>({ legend, value, choices, onChange, hint }: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset class="radio-group" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {choices.map((choice) => (
        <label key={choice.value} class="radio">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
