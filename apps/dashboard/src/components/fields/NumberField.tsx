import { useId } from 'preact/hooks';

interface NumberFieldProps {
  label: string;
  /** Kept as typed, so a half-typed number is not rewritten under the cursor; parse on save. */
  value: string;
  onInput: (value: string) => void;
  min: number;
  max: number;
  hint?: string;
  invalid?: boolean;
  /** False where empty means "off"; true by default. */
  required?: boolean;
  /** Extra classes on the field, e.g. `narrow-field`. */
  class?: string;
}

export function NumberField({ label, value, onInput, min, max, hint, invalid, required = true, class: extra }: NumberFieldProps) {
  const id = useId();
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={value}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
