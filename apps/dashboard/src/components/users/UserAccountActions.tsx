/**
 * I1, in a user's edit panel on the Users page: deactivate (or reactivate) and delete, each asking
 * once more before it acts. Not offered for yourself: the server refuses it anyway, and a button
 * that can only fail is noise.
 */
import type { UserSummary } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api/endpoints.js';
import { errorText, request } from '../../api/request.js';
import { applyUserUpdate, inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';

type Pending = 'deactivate' | 'delete' | null;

const CONSEQUENCES: Record<Exclude<Pending, null>, string> = {
  deactivate: 'They are signed out everywhere, cannot sign in and get no chats until reactivated.',
  delete: 'They are signed out everywhere and cannot sign in again; their open chats go back to Unassigned. Their messages stay, under their name. This cannot be undone.',
};

export function UserAccountActions({ user, onGone }: { user: UserSummary; onGone: () => void }) {
  const myId = useStore(inbox, (state) => state.session?.user.id);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (user.id === myId) return null;

  async function run(action: Exclude<Pending, null> | 'reactivate') {
    setBusy(true);
    setError(null);
    try {
      if (action === 'delete') {
        await request<void>('DELETE', `/api/admin/users/${user.id}`);
        inbox.update((state) => ({ ...state, users: state.users.filter((u) => u.id !== user.id) }));
        onGone();
        return;
      }
      applyUserUpdate((await api.updateUser(user.id, { active: action === 'reactivate' })).user);
      setPending(null);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  function ask(action: Exclude<Pending, null>) {
    setPending(action);
    requestAnimationFrame(() => document.getElementById(`confirm-${action}-${user.id}`)?.focus());
  }

  return (
    <div class="user-account-actions">
      {pending ? (
        <div class="confirm" role="group" aria-label={`${pending === 'delete' ? 'Delete' : 'Deactivate'} ${user.name}?`}>
          <p>
            {pending === 'delete' ? 'Delete' : 'Deactivate'} {user.name}? {CONSEQUENCES[pending]}
          </p>
          <div class="form-actions">
            <button type="button" id={`confirm-${pending}-${user.id}`} class="button danger" aria-disabled={busy} onClick={() => busy || void run(pending)}>
              {pending === 'delete' ? 'Yes, delete' : 'Yes, deactivate'}
            </button>
            <button type="button" class="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div class="form-actions">
          {user.active ? (
            <button type="button" class="button" onClick={() => ask('deactivate')}>
              Deactivate
            </button>
          ) : (
            <button type="button" class="button" aria-disabled={busy} onClick={() => busy || void run('reactivate')}>
              Reactivate
            </button>
          )}
          <button type="button" class="button danger" onClick={() => ask('delete')}>
            Delete user
          </button>
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
