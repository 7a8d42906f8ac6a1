import { useId } from 'preact/hooks';

interface OriginsFieldProps {
  value: string;
  onInput: (value: string) => void;
  invalid?: boolean;
}

/** Allowed origins, one per line; the hint says what an origin is and what none means. */
export function OriginsField({ value, onInput, invalid }: OriginsFieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>Allowed origins</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        spellcheck={false}
        autoCapitalize="off"
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="field-hint">
        One per line, e.g. https://shop.example. The widget runs only on pages of these origins; leave empty to allow
        any website.
      </p>
    </div>
  );
}
