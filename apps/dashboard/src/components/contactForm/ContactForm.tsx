import type { Contact, UpdateContactRequest } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { ApiError, errorText } from '../../api/request.js';
import { ContactField } from './ContactField.js';
import {
  CONTACT_FIELDS,
  changesFrom,
  contactValue,
  detailText,
  draftProblems,
  fieldOfError,
  propertyRowsOf,
  type ContactDraft,
  type ContactFieldKey,
  type ContactFieldSpec,
  type FieldProblem,
} from './contactDraft.js';
import { PropertiesEditor } from './PropertiesEditor.js';
import '../../styles/contactForm.css';

const KEYS = CONTACT_FIELDS.map((field) => field.key);

interface ContactFormProps {
  /** Null while the visitor is not a contact yet: saving an email makes (or links) one. */
  contact: Contact | null;
  /** Sends the changes; the contact it answers is then shown (by the caller) as the form's values. */
  save: (changes: UpdateContactRequest) => Promise<unknown>;
  /** The Contacts page also edits custom properties (I7). */
  withProperties?: boolean;
}

/**
 * The contact's fields (§1 Contact, I7), in the conversation sidebar and on the Contacts page. Only
 * edited fields are sent, so a colleague's change to another field (shown live) is not
 * overwritten; formats are checked first and a server refusal lands on the field it names.
 */
export function ContactForm({ contact, save, withProperties = false }: ContactFormProps) {
  const [draft, setDraft] = useState<ContactDraft>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  function edit<K extends keyof ContactDraft>(key: K & FieldProblem['key'], value: ContactDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setProblems((current) => current.filter((problem) => problem.key !== key));
    setStatus('');
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setStatus('');
    const found = draftProblems(draft, contact);
    setProblems(found);
    if (found.length > 0) return;
    const changes = changesFrom(draft, contact);
    if (Object.keys(changes).length === 0 && contact !== null) {
      setDraft({});
      setStatus('Nothing to save.');
      return;
    }
    setBusy(true);
    try {
      await save(changes);
      setDraft({});
      setStatus('Contact saved.');
    } catch (caught) {
      const key = caught instanceof ApiError ? fieldOfError(caught.code, caught.detail, KEYS) : null;
      if (key) setProblems([{ key, text: `${labelOf(key)}: ${caught instanceof ApiError && caught.detail && caught.code === 'validation_failed' ? detailText(caught.detail) : errorText(caught)}` }]);
      else setFailure(`Not saved: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  const problemOf = (key: FieldProblem['key']) => problems.find((problem) => problem.key === key)?.text ?? null;

  return (
    <form class="contact-form" aria-label="Contact details" onSubmit={(event) => void submit(event)} noValidate>
      {contact === null && <p class="field-hint">Not a contact yet: save an email to make one (or link the contact that has it).</p>}
      <div class="contact-fields">
        {fieldsFor(contact).map((field) => (
          <ContactField
            key={field.key}
            spec={field}
            value={draft[field.key] ?? contactValue(contact, field.key)}
            problem={problemOf(field.key)}
            onInput={(value) => edit(field.key, value)}
          />
        ))}
      </div>
      {withProperties && <PropertiesEditor rows={draft.properties ?? propertyRowsOf(contact)} problem={problemOf('properties')} onChange={(rows) => edit('properties', rows)} />}
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
          {status}
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
