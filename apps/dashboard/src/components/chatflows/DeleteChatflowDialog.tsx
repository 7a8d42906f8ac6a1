import type { Chatflow } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { deleteChatflow } from './chatflowsStore.js';
import { Dialog } from './Dialog.js';

/** Asks before deleting: visitors stop seeing the chatflow at once and it cannot be undone. */
export function DeleteChatflowDialog({ chatflow, onClose }: { chatflow: Chatflow; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteChatflow(chatflow.id);
      onClose();
    } catch (caught) {
      setError(`Not deleted: ${errorText(caught)}`);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Delete “${chatflow.name}”?`} onClose={onClose}>
      <p>Visitors stop seeing this chatflow at once. This cannot be undone.</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button danger" aria-disabled={busy} onClick={() => void confirm()}>
          Delete chatflow
        </button>
        <button type="button" class="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
