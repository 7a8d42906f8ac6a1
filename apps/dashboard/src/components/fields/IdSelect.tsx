import { useId } from 'preact/hooks';

interface IdSelectProps {
  label: string;
  value: number | null;
  options: ReadonlyArray<{ id: number; name: string }>;
  onChange: (id: number | null) => void;
  /** The text of the empty choice, e.g. "Choose a user…". */
  placeholder: string;
  invalid?: boolean;
  hint?: string;
}

/** A labelled pick of one user or team by id; an id no longer in the list stays selectable. */
export function IdSelect({ label, value, options, onChange, placeholder, invalid, hint }: IdSelectProps) {
  const id = useId();
  const missing = value !== null && !options.some((option) => option.id === value);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const raw = event.currentTarget.value;
          onChange(raw === '' ? null : Number(raw));
        }}
      >
        <option value="">{placeholder}</option>
        {missing && <option value={String(value)}>Deleted ({value})</option>}
        {options.map((option) => (
          <option key={option.id} value={String(option.id)}>
            {option.name}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
