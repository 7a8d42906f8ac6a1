import type { ConversationSummary } from '@parley/protocol';
import { useId, useState } from 'preact/hooks';
import { api } from '../api/endpoints.js';
import { errorText } from '../api/request.js';
import { upsertConversation } from '../state/conversations.js';
import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';

/** The visitor's contact owner (I7), who gets their chats under "contact owner" routing (R1). */
export function OwnerSelect({ conversation }: { conversation: ConversationSummary }) {
  const users = useStore(inbox, (state) => state.users);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const ownerId = conversation.visitor.ownerId;
  // An owner who left the users list still needs an option to be selected.
  const ownerMissing = ownerId !== null && !users.some((u) => u.id === ownerId);

  async function change(value: string) {
    setBusy(true);
    setError(null);
    try {
      const result = await api.setOwner(conversation.id, value === '' ? null : Number(value));
      upsertConversation(result.conversation);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="fact owner-field">
      <label for={id}>Owner</label>
      <select
        id={id}
        value={ownerId === null ? '' : String(ownerId)}
        aria-busy={busy}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => void change(event.currentTarget.value)}
      >
        <option value="">No owner</option>
        {ownerMissing && <option value={String(ownerId)}>Former user</option>}
        {users.map((user) => (
          <option key={user.id} value={String(user.id)}>
            {user.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
