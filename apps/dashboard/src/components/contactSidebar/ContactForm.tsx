import type { Contact } from '@parley/protocol';
import { useId, useState } from 'preact/hooks';
import { ApiError, errorText } from '../../api/request.js';
import { saveContact } from '../../state/contactSidebar.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { CONTACT_FIELDS, changesFrom, contactValue, draftProblems, fieldOfError, type ContactDraft, type ContactFieldKey, type ContactFieldSpec, type FieldProblem } from './contactDraft.js';

const KEYS = CONTACT_FIELDS.map((field) => field.key);

interface ContactFormProps {
  conversationId: number;
  contact: Contact | null;
}

/**
 * The contact's fields, editable whatever the chat's status. Only edited fields are sent, so a
 * colleague's change to another field (shown live) is not overwritten.
 */
export function ContactForm({ conversationId, contact }: ContactFormProps) {
  const [draft, setDraft] = useState<ContactDraft>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  function edit(key: ContactFieldKey, value: string) {
    setDraft((current) => ({ ...current, [key]: value }));
    setProblems((current) => current.filter((problem) => problem.key !== key));
    setSaved(false);
  }

  async function submit(event: Event) {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const changes = changesFrom(draft, contact);
    const found = draftProblems(changes, contact);
    setProblems(found);
    if (found.length > 0) return;
    if (Object.keys(changes).length === 0 && contact !== null) {
      setDraft({});
      return;
    }
    setBusy(true);
    try {
      await saveContact(conversationId, contact, changes);
      setDraft({});
      setSaved(true);
    } catch (caught) {
      const key = caught instanceof ApiError ? fieldOfError(caught.code, caught.detail, KEYS) : null;
      if (key) setProblems([{ key, text: `${labelOf(key)}: ${caught instanceof ApiError && caught.detail && caught.code === 'validation_failed' ? detailText(caught.detail) : errorText(caught)}` }]);
      else setFailure(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="contact-form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={`${id}-title`} class="visually-hidden">
        Contact details
      </h3>
      {contact === null && <p class="field-hint">Not a contact yet: save an email to make one (or link the contact that has it).</p>}
      <div class="contact-fields">
        {fieldsFor(contact).map((field) => (
          <ContactField
            key={field.key}
            spec={field}
            value={draft[field.key] ?? contactValue(contact, field.key)}
            problem={problems.find((problem) => problem.key === field.key)?.text ?? null}
            onInput={(value) => edit(field.key, value)}
          />
        ))}
      </div>
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <div class="contact-actions">
        <button type="submit" class="button primary small" disabled={busy}>
          {busy ? 'Saving…' : 'Save contact'}
        </button>
        <p role="status" class="field-hint">
          {saved ? 'Contact saved.' : ''}
        </p>
      </div>
    </form>
  );
}

/** Until the visitor is a contact, the visitor's owner is set above the form (VisitorPanel). */
function fieldsFor(contact: Contact | null): readonly ContactFieldSpec[] {
  return contact ? CONTACT_FIELDS : CONTACT_FIELDS.filter((field) => field.key !== 'ownerId');
}

function labelOf(key: ContactFieldKey): string {
  return CONTACT_FIELDS.find((field) => field.key === key)?.label ?? key;
}

/** "email: not an email address" → "not an email address" (the label says which field). */
function detailText(detail: string): string {
  return detail.replace(/^(?:body\/)?[A-Za-z]+:?\s*/, '');
}

interface ContactFieldProps {
  spec: ContactFieldSpec;
  value: string;
  problem: string | null;
  onInput: (value: string) => void;
}

function ContactField({ spec, value, problem, onInput }: ContactFieldProps) {
  const id = useId();
  const users = useStore(inbox, (state) => state.users);
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
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
    control = <textarea {...common} rows={2} value={value} onInput={(event) => onInput(event.currentTarget.value)} />;
  } else {
    const type = spec.kind === 'email' || spec.kind === 'tel' || spec.kind === 'date' ? spec.kind : 'text';
    control = (
      <input
        {...common}
        type={type}
        value={value}
        inputMode={spec.kind === 'money' ? 'decimal' : undefined}
        maxLength={spec.kind === 'currency' ? 3 : undefined}
        autoComplete="off"
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`field contact-field field-${spec.key}`}>
      <label for={id}>{spec.label}</label>
      {control}
      {problem && (
        <p id={`${id}-problem`} class="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
