import { CONTACT_LIMITS, type Contact } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { contactPageApi } from '../../api/customerEndpoints.js';
import { errorText } from '../../api/request.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { TextAreaField } from '../fields/TextAreaField.js';
import { TextField } from '../TextField.js';
import { changesOf, draftOf, duplicateKeys, type ContactDraft } from './contactDraft.js';
import { PropertiesEditor } from './PropertiesEditor.js';

const L = CONTACT_LIMITS;

/** The contact's fields (§1 Contact, I7), saved together; the server's refusal (e.g. contact_email_taken) is shown as it says it. */
export function ContactForm({ contact, onSaved }: { contact: Contact; onSaved: (contact: Contact) => void }) {
  const users = useStore(inbox, (state) => state.users);
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(contact));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const set = <K extends keyof ContactDraft>(key: K) => (value: ContactDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ownerMissing = draft.ownerId !== '' && !users.some((user) => String(user.id) === draft.ownerId);

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    const twice = duplicateKeys(draft.properties);
    if (twice.length > 0) {
      setMessage({ error: true, text: `Each property name once: ${twice.join(', ')} is given twice.` });
      return;
    }
    const changes = changesOf(contact, draft);
    if (!changes) {
      setMessage({ error: false, text: 'Nothing to save.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const saved = await contactPageApi.update(contact.id, changes);
      onSaved(saved.contact);
      setDraft(draftOf(saved.contact));
      setMessage({ error: false, text: 'Contact saved.' });
    } catch (error) {
      setMessage({ error: true, text: `Not saved: ${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card contact-form" aria-label="Contact details" onSubmit={(event) => void save(event)}>
      <div class="contact-fields">
        <TextField label="First name" value={draft.firstName} onInput={set('firstName')} maxLength={L.nameMaxLength} autoComplete="off" />
        <TextField label="Last name" value={draft.lastName} onInput={set('lastName')} maxLength={L.nameMaxLength} autoComplete="off" />
        <TextField label="Email" type="email" value={draft.email} onInput={set('email')} maxLength={L.emailMaxLength} autoComplete="off" />
        <TextField label="Phone" value={draft.phone} onInput={set('phone')} maxLength={L.phoneMaxLength} autoComplete="off" />
        <TextField label="Organization" value={draft.organizationName} onInput={set('organizationName')} maxLength={L.organizationMaxLength} autoComplete="off" />
        <TextAreaField label="Address" value={draft.organizationAddress} onInput={set('organizationAddress')} maxLength={L.addressMaxLength} rows={2} />
        <div class="field">
          <label for="contact-owner">Owner</label>
          <select id="contact-owner" value={draft.ownerId} onChange={(event) => set('ownerId')(event.currentTarget.value)}>
            <option value="">No owner</option>
            {users.map((user) => (
              <option key={user.id} value={String(user.id)}>
                {user.name}
              </option>
            ))}
            {ownerMissing && <option value={draft.ownerId}>Former user</option>}
          </select>
        </div>
        <TextField label="Deal value" value={draft.dealValue} onInput={set('dealValue')} maxLength={20} hint="A number such as 1250.50" autoComplete="off" />
        <TextField label="Currency" value={draft.currency} onInput={(value) => set('currency')(value.toUpperCase())} maxLength={3} hint="Three letters, e.g. EUR" autoComplete="off" />
        <DateField label="Expected close date" value={draft.expectedCloseDate} onInput={set('expectedCloseDate')} />
      </div>
      <TextAreaField label="Note" value={draft.note} onInput={set('note')} maxLength={L.noteMaxLength} rows={3} />
      <PropertiesEditor rows={draft.properties} onChange={set('properties')} />
      {message && (
        <p class={message.error ? 'form-error' : 'form-status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" aria-disabled={busy}>
          Save contact
        </button>
      </div>
    </form>
  );
}

function DateField({ label, value, onInput }: { label: string; value: string; onInput: (value: string) => void }) {
  return (
    <div class="field">
      <label for="contact-close-date">{label}</label>
      <input id="contact-close-date" type="date" value={value} onInput={(event) => onInput(event.currentTarget.value)} />
    </div>
  );
}
