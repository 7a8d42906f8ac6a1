/**
 * The page the reset email links to (/inbox/reset-password?token=…): choose a new password. On
 * success every session of the account has ended, this browser's too, so the next step is to
 * sign in with the new password.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText } from '../../api/request.js';
import { BASE, navigate } from '../../router.js';
import { endSession } from '../../state/session.js';
import { TextField } from '../TextField.js';
import { passwordResetApi } from './passwordResetApi.js';

const MIN_PASSWORD = 10;

function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(error);
  if (error.code === 'reset_token_invalid') return 'This reset link is unknown, already used or expired. Ask for a new one from the sign-in page.';
  if (error.code === 'weak_password') return `Choose a stronger password: ${error.detail ?? error.message}`;
  if (error.code === 'rate_limited') return 'Too many attempts. Wait a minute and try again.';
  return errorText(error);
}

export function ResetPasswordPage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'This reset link is incomplete.');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Choose a new password · Parley';
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await passwordResetApi.confirm(token, password);
      endSession();
      setDone(true);
    } catch (caught) {
      setError(problemText(caught));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <main class="centered">
        <section class="card auth-form" aria-labelledby="reset-done-title">
          <h1 id="reset-done-title">Password changed</h1>
          <p role="status">Your new password is set and every session of your account was signed out.</p>
          <button type="button" class="button primary" onClick={() => navigate(BASE, { replace: true })}>
            Sign in
          </button>
        </section>
      </main>
    );
  }

  return (
    <main class="centered">
      <form class="card auth-form" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title">Choose a new password</h1>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onInput={setPassword}
          minLength={MIN_PASSWORD}
          hint={`At least ${MIN_PASSWORD} characters, not a common password.`}
          required
        />
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy || !token}>
          Set new password
        </button>
      </form>
    </main>
  );
}
