import { useId } from 'preact/hooks';

interface RuleTextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  /** Takes the room left in the row (values are longer than names). */
  grow?: boolean;
  invalid: boolean;
  describedBy: string | undefined;
}

/**
 * A text part of a targeting rule or routing condition (URLs, parameter and property names,
 * values): no spell checking or autofill, and the rule's problem marks.
 */
export function RuleTextField({ label, value, onInput, placeholder, maxLength, grow, invalid, describedBy }: RuleTextFieldProps) {
  const id = useId();
  return (
    <div class={grow ? 'field grow' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        spellcheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
