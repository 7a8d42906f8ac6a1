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
  /** The box shows the click at once; a refusal puts it back and says why. */
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (user.role === 'admin') return <span class="unknown">Always (admin)</span>;
  const granted = user.permissions.includes('chatflows:edit');

  async function toggle(on: boolean) {
    if (pending !== null) return;
    setPending(on);
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
      setPending(null);
    }
  }

  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={pending ?? granted}
          aria-busy={pending !== null || undefined}
          aria-describedby={`user-name-${user.id}`}
          onChange={(event) => void toggle(event.currentTarget.checked)}
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
