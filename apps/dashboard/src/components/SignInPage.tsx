import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/endpoints.js';
import { ApiError, errorText } from '../api/request.js';
import { beginSession } from '../state/session.js';
import { TextField } from './TextField.js';
import { ForgotPasswordForm } from './passwordReset/ForgotPasswordForm.js';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);

  useEffect(() => {
    if (!forgot) document.title = 'Sign in · Parley';
  }, [forgot]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      beginSession(await api.login({ email: email.trim(), password }));
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'invalid_credentials'
          ? 'Email or password is wrong.'
          : errorText(caught),
      );
      setBusy(false);
    }
  }

  if (forgot) return <ForgotPasswordForm onBack={() => setForgot(false)} />;
  return (
    <main class="centered">
      <form class="card auth-form" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Parley</h1>
        <TextField label="Email" type="email" autoComplete="username" value={email} onInput={setEmail} required />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
          required
        />
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy}>
          Sign in
        </button>
        <button type="button" class="button" onClick={() => setForgot(true)}>
          Forgot password?
        </button>
      </form>
    </main>
  );
}
