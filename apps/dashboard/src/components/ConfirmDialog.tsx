import type { ComponentChildren } from 'preact';
import { useAction } from '../hooks/useAction.js';
import { Dialog } from './Dialog.js';

interface ConfirmDialogProps {
  title: string;
  /** What confirming does and what cannot be undone. */
  children: ComponentChildren;
  /** The confirming button, e.g. "Delete permanently". */
  confirmLabel: string;
  /** Starts the line shown when the action fails, e.g. "Not deleted". */
  failure: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** After the action succeeded and the dialog closed. */
  onDone?: () => void;
}

/**
 * Asks before an action that cannot be undone. The dialog stays open with the server's reason
 * when the action fails, and a second click while it runs does nothing.
 */
export function ConfirmDialog({ title, children, confirmLabel, failure, onConfirm, onClose, onDone }: ConfirmDialogProps) {
  const { busy, error, run } = useAction(failure);

  async function confirm() {
    if (!(await run(onConfirm))) return;
    onClose();
    onDone?.();
  }

  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button danger" aria-disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
        <button type="button" class="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
