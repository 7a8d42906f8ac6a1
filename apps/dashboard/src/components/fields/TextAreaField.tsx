import { useId } from 'preact/hooks';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  maxLength?: number;
  hint?: string;
  rows?: number;
}

/** A labelled multi-line plain-text field (messages visitors read). */
export function TextAreaField({ label, value, onInput, maxLength = 2000, hint, rows = 3 }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
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
