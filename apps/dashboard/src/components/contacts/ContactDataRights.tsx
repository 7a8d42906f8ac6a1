import type { Contact } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { contactPageApi } from '../../api/customerEndpoints.js';
import { hrefFor, navigate } from '../../router.js';
import { useAction } from '../../hooks/useAction.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

/** A10 for admins: everything about the contact as a JSON file, and erasure after a confirmation. */
export function ContactDataRights({ contact }: { contact: Contact }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction('Not exported');

  const exportData = () =>
    run(async () => {
      const data = await contactPageApi.exportData(contact.id);
      download(`contact-${contact.id}.json`, JSON.stringify(data, null, 2));
    });

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
      {confirming && (
        <ConfirmDialog
          title={`Delete ${contact.displayName}?`}
          confirmLabel="Delete permanently"
          failure="Not deleted"
          onConfirm={() => contactPageApi.remove(contact.id)}
          onClose={() => setConfirming(false)}
          onDone={() => navigate(hrefFor({ name: 'contacts' }), { replace: true })}
        >
          <p>Their conversations, messages, attachments, timeline, leads and deals are deleted too. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
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
