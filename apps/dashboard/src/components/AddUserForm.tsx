import type { UserRole } from '@parley/protocol';
import { useId, useState } from 'preact/hooks';
import { api } from '../api/endpoints.js';
import { ApiError, errorText } from '../api/request.js';
import { applyUserUpdate } from '../state/inboxStore.js';
import { InviteLink } from './InviteLink.js';
import { TextField } from './TextField.js';

interface Created {
  name: string;
  inviteUrl: string | null;
}

/** Adds a user with a password, or (password left empty) creates a one-time invitation link. */
export function AddUserForm() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('agent');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const roleId = useId();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const result = await api.createUser({
        name: name.trim(),
        email: email.trim(),
        role,
        ...(password ? { password } : {}),
      });
      applyUserUpdate(result.user);
      setCreated({ name: result.user.name, inviteUrl: result.inviteUrl });
      setName('');
      setEmail('');
      setPassword('');
      setRole('agent');
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'email_taken'
          ? 'A user with this email already exists.'
          : errorText(caught),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card add-user" onSubmit={submit} aria-labelledby="add-user-title">
      <h2 id="add-user-title">Add a user</h2>
      <div class="field-row">
        <TextField label="Name" value={name} onInput={setName} autoComplete="off" maxLength={120} required />
        <TextField label="Email" type="email" value={email} onInput={setEmail} autoComplete="off" required />
        <div class="field">
          <label for={roleId}>Role</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.currentTarget.value as UserRole)}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <TextField
          label="Password"
          type="password"
          value={password}
          onInput={setPassword}
          autoComplete="new-password"
          minLength={10}
          hint="Optional, at least 10 characters and not a common password. Leave empty to get an invitation link instead."
        />
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="button primary" disabled={busy}>
        Add user
      </button>
      {created && (
        <div class="created" role="status">
          {created.inviteUrl ? (
            <InviteLink name={created.name} url={created.inviteUrl} />
          ) : (
            <p>{created.name} can now sign in with the password you set.</p>
          )}
        </div>
      )}
    </form>
  );
}
