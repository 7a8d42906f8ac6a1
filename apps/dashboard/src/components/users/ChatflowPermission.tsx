import type { Permission, UserSummary } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api/endpoints.js';
import { errorText } from '../../api/request.js';
import { applyUserUpdate } from '../../state/inboxStore.js';

/**
 * A3: whether an agent may edit chatflows (and sites), saved at once. Admins always may, so they
 * get a line saying so instead of a checkbox that could not mean anything.
 */
export function ChatflowPermission({ user }: { user: UserSummary }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (user.role === 'admin') return <span class="unknown">Always (admin)</span>;
  const granted = user.permissions.includes('chatflows:edit');

  async function toggle(on: boolean) {
    if (busy) return;
    setBusy(true);
    setError(null);
    // Keep any other grants the user has; only this one changes.
    const others = user.permissions.filter((permission) => permission !== 'chatflows:edit');
    const permissions: Permission[] = on ? [...others, 'chatflows:edit'] : others;
    try {
      const result = await api.updateUser(user.id, { permissions });
      applyUserUpdate(result.user);
    } catch (caught) {
      setError(`Not changed: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={granted}
          aria-busy={busy || undefined}
          aria-describedby={`user-name-${user.id}`}
          onChange={(event) => {
            // The box shows the server's answer, not the click, until it comes.
            const on = event.currentTarget.checked;
            event.currentTarget.checked = granted;
            void toggle(on);
          }}
        />
        <span>May edit chatflows</span>
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
