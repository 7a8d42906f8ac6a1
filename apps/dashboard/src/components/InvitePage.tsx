import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/endpoints.js';
import { ApiError, errorText } from '../api/request.js';
import { BASE, navigate } from '../router.js';
import { beginSession } from '../state/session.js';
import { TextField } from './TextField.js';

const MIN_PASSWORD = 10;

export function InvitePage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'This invitation link is incomplete.');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Accept invitation · Parley';
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api.acceptInvite({ token, password });
      beginSession(me);
      navigate(BASE, { replace: true });
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'invite_invalid'
          ? 'This invitation is unknown, already used or expired. Ask an admin for a new one.'
          : errorText(caught),
      );
      setBusy(false);
    }
  }

  return (
    <main class="centered">
      <form class="card auth-form" onSubmit={submit} aria-labelledby="invite-title">
        <h1 id="invite-title">Join Parley</h1>
        <p>Choose a password to finish setting up your account.</p>
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onInput={setPassword}
          minLength={MIN_PASSWORD}
          hint={`At least ${MIN_PASSWORD} characters.`}
          required
        />
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy || !token}>
          Accept invitation
        </button>
      </form>
    </main>
  );
}
