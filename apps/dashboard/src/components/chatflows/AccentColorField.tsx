import { useId } from 'preact/hooks';

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The accent colour (W2) as a colour picker and the same value as hex text, for people who have
 * their brand colour written down. The text may hold a half-typed value; the picker then keeps
 * the last whole one, and the draft's checks name the problem.
 */
export function AccentColorField({ value, onChange, invalid }: { value: string; onChange: (value: string) => void; invalid?: boolean }) {
  const id = useId();
  return (
    <fieldset class="accent-field">
      <legend>Accent colour</legend>
      <div class="accent-inputs">
        <input
          id={`${id}-picker`}
          type="color"
          aria-label="Accent colour"
          value={HEX.test(value) ? value.toLowerCase() : '#000000'}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
        <div class="field">
          <label for={`${id}-hex`}>Hex</label>
          <input
            id={`${id}-hex`}
            type="text"
            inputMode="text"
            spellcheck={false}
            autoComplete="off"
            maxLength={7}
            size={8}
            value={value}
            aria-invalid={invalid || !HEX.test(value) || undefined}
            aria-describedby={`${id}-hint`}
            onInput={(event) => onChange(event.currentTarget.value.trim())}
          />
        </div>
      </div>
      <p id={`${id}-hint`} class="field-hint">
        The launcher, the header and the visitor's messages use it. Six hex digits, e.g. #2b56c6.
      </p>
    </fieldset>
  );
}
