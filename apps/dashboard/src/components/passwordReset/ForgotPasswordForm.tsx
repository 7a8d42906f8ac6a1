/**
 * "Forgot password?" on the sign-in page: asks for the email and says the same thing whatever the
 * answer, because the server never tells whether an address has an account.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText } from '../../api/request.js';
import { TextField } from '../TextField.js';
import { passwordResetApi } from './passwordResetApi.js';

export function ForgotPasswordForm({ onBack }: { onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Reset password · Parley';
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await passwordResetApi.requestLink(email.trim());
      setSent(true);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.code === 'rate_limited' ? 'Too many attempts. Wait a minute and try again.' : errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="centered">
      <form class="card auth-form" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title">Reset your password</h1>
        <p>Enter the email you sign in with. If it belongs to an account, we send a link to choose a new password; it works once, within one hour.</p>
        <TextField label="Email" type="email" autoComplete="username" value={email} onInput={setEmail} required />
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <p class="form-status" role="status">
          {sent ? 'If that email belongs to an account, a reset link is on its way. Check your inbox.' : ''}
        </p>
        <button type="submit" class="button primary" disabled={busy}>
          Send reset link
        </button>
        <button type="button" class="button" onClick={onBack}>
          Back to sign in
        </button>
      </form>
    </main>
  );
}
