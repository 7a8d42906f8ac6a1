/**
 * The inputs of ticket properties, shared by the thread header (which saves each change at once)
 * and a chatflow's defaults (which edit a draft). Every input has a visible label. Text inputs
 * report through `onText` on every keystroke when `live`, else once the person leaves the field
 * or presses Enter (the header: one request per edit, not per key).
 */
import type { TicketPriority, TicketPropertyDefinition } from '@parley/protocol';
import { TICKET_CATEGORY_MAX_LENGTH, TICKET_PROPERTY_VALUE_MAX_LENGTH } from '@parley/protocol';
import { useEffect, useId, useState } from 'preact/hooks';
import { isPriority, PRIORITY_OPTIONS } from './priorities.js';

interface TextInputProps {
  label: string;
  value: string;
  maxLength: number;
  live: boolean;
  disabled?: boolean;
  onText: (value: string) => void;
}

function TicketTextInput({ label, value, maxLength, live, disabled, onText }: TextInputProps) {
  const id = useId();
  const [text, setText] = useState(value);
  // A stored value that changed (saved here, or by a colleague live) replaces what is shown.
  useEffect(() => setText(value), [value]);
  return (
    <div class="ticket-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        maxLength={maxLength}
        aria-disabled={disabled}
        onInput={(event) => {
          setText(event.currentTarget.value);
          if (live) onText(event.currentTarget.value);
        }}
        onChange={(event) => !live && event.currentTarget.value !== value && onText(event.currentTarget.value)}
      />
    </div>
  );
}

export function PrioritySelect({ value, disabled, onChange }: { value: TicketPriority; disabled?: boolean; onChange: (value: TicketPriority) => void }) {
  const id = useId();
  return (
    <div class="ticket-field">
      <label for={id}>Priority</label>
      <select
        id={id}
        value={value}
        aria-busy={disabled}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isPriority(next)) onChange(next);
        }}
      >
        {PRIORITY_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CategoryInput({ value, live, disabled, onText }: { value: string | null; live: boolean; disabled?: boolean; onText: (value: string) => void }) {
  return <TicketTextInput label="Category" value={value ?? ''} maxLength={TICKET_CATEGORY_MAX_LENGTH} live={live} disabled={disabled} onText={onText} />;
}

interface CustomFieldProps {
  definition: TicketPropertyDefinition;
  value: string | undefined;
  live: boolean;
  disabled?: boolean;
  /** '' = no value. */
  onValue: (value: string) => void;
}

/** One custom property: a select of its options (with "Not set"), or a text input. */
export function CustomPropertyField({ definition, value, live, disabled, onValue }: CustomFieldProps) {
  const id = useId();
  if (definition.type === 'text') {
    return <TicketTextInput label={definition.label} value={value ?? ''} maxLength={TICKET_PROPERTY_VALUE_MAX_LENGTH} live={live} disabled={disabled} onText={onValue} />;
  }
  // A stored value that is no longer an option still shows, so the select never lies.
  const stale = value !== undefined && !definition.options.includes(value);
  return (
    <div class="ticket-field">
      <label for={id}>{definition.label}</label>
      <select id={id} value={value ?? ''} aria-busy={disabled} onChange={(event) => onValue(event.currentTarget.value)}>
        <option value="">Not set</option>
        {stale && <option value={value}>{value}</option>}
        {definition.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
