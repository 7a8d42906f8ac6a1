import type { Chatflow } from '@parley/protocol';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { deleteChatflow } from './chatflowsStore.js';

/** Asks before deleting: visitors stop seeing the chatflow at once and it cannot be undone. */
export function DeleteChatflowDialog({ chatflow, onClose }: { chatflow: Chatflow; onClose: () => void }) {
  return (
    <ConfirmDialog title={`Delete “${chatflow.name}”?`} confirmLabel="Delete chatflow" failure="Not deleted" onConfirm={() => deleteChatflow(chatflow.id)} onClose={onClose}>
      <p>Visitors stop seeing this chatflow at once. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
