import type { Contact } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { contactPageApi } from '../../api/customerEndpoints.js';
import { errorText } from '../../api/request.js';
import { hrefFor, navigate } from '../../router.js';
import { Dialog } from '../chatflows/Dialog.js';

/** A10 for admins: everything about the contact as a JSON file, and erasure after a confirmation. */
export function ContactDataRights({ contact }: { contact: Contact }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportData() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const data = await contactPageApi.exportData(contact.id);
      download(`contact-${contact.id}.json`, JSON.stringify(data, null, 2));
    } catch (caught) {
      setError(`Not exported: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="contact-rights-title">
      <h2 id="contact-rights-title" class="card-title">
        Data rights
      </h2>
      <p class="field-hint">Export everything stored about this person, or delete them with their conversations, messages, attachments, timeline and leads.</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button" aria-disabled={busy} onClick={() => void exportData()}>
          Export data
        </button>
        <button type="button" class="button danger" onClick={() => setConfirming(true)}>
          Delete contact
        </button>
      </div>
      {confirming && <DeleteContactDialog contact={contact} onClose={() => setConfirming(false)} />}
    </section>
  );
}

function DeleteContactDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await contactPageApi.remove(contact.id);
      onClose();
      navigate(hrefFor({ name: 'contacts' }), { replace: true });
    } catch (caught) {
      setError(`Not deleted: ${errorText(caught)}`);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Delete ${contact.displayName}?`} onClose={onClose}>
      <p>Their conversations, messages, attachments, timeline, leads and deals are deleted too. This cannot be undone.</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button danger" aria-disabled={busy} onClick={() => void confirm()}>
          Delete permanently
        </button>
        <button type="button" class="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

/** Saves text as a file through a temporary link (the export is read with the session cookie first, so errors can be shown). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
