import { useId } from 'preact/hooks';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import type { ContactFieldSpec } from './contactDraft.js';

interface ContactFieldProps {
  spec: ContactFieldSpec;
  value: string;
  problem: string | null;
  onInput: (value: string) => void;
}

/** One labelled field of the contact form; a problem is its description (and an alert). */
export function ContactField({ spec, value, problem, onInput }: ContactFieldProps) {
  const id = useId();
  const users = useStore(inbox, (state) => state.users);
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : spec.hint ? `${id}-hint` : undefined,
  } as const;
  let control;
  if (spec.kind === 'owner') {
    const missing = value !== '' && !users.some((user) => String(user.id) === value);
    control = (
      <select {...common} value={value} onChange={(event) => onInput(event.currentTarget.value)}>
        <option value="">No owner</option>
        {missing && <option value={value}>Former user</option>}
        {users.map((user) => (
          <option key={user.id} value={String(user.id)}>
            {user.name}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'multiline') {
    control = <textarea {...common} rows={2} value={value} maxLength={spec.maxLength} onInput={(event) => onInput(event.currentTarget.value)} />;
  } else {
    const type = spec.kind === 'email' || spec.kind === 'tel' || spec.kind === 'date' ? spec.kind : 'text';
    control = (
      <input
        {...common}
        type={type}
        value={value}
        inputMode={spec.kind === 'money' ? 'decimal' : undefined}
        maxLength={spec.maxLength}
        autoComplete="off"
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`field contact-field field-${spec.key}`}>
      <label for={id}>{spec.label}</label>
      {control}
      {spec.hint && !problem && (
        <p id={`${id}-hint`} class="field-hint">
          {spec.hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} class="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
