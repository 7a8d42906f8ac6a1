/**
 * I1, my profile: change my name, change my password (which signs out my other sessions), and
 * sign out of all other sessions. Each part is its own form with its own problems and status, so
 * a refused password never hides that the name was saved.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/request.js';
import { applyUserUpdate, inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { ProblemsAlert } from '../ProblemsAlert.js';
import { TextField } from '../TextField.js';
import { profileApi } from './profileApi.js';
import { AvatarForm } from './AvatarForm.js';

const NAME_MAX = 80;
const PASSWORD_MIN = 10;

/** Words for a failure, by catalogue code (never by the server's message text, except its detail). */
function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.code === 'wrong_current_password') return 'The current password is wrong.';
  if (error.code === 'weak_password') return `Choose a stronger new password: ${error.detail ?? error.message}`;
  if (error.code === 'rate_limited') return 'Too many attempts. Wait a minute and try again.';
  return error.detail ?? error.message;
}

function NameForm() {
  const current = useStore(inbox, (state) => state.session?.user.name ?? '');
  const [name, setName] = useState(current);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    setStatus('');
    const trimmed = name.trim();
    if (trimmed.length === 0 || [...trimmed].length > NAME_MAX) {
      setProblems([`A name needs 1 to ${NAME_MAX} characters.`]);
      return;
    }
    setBusy(true);
    try {
      const { user } = await profileApi.rename(trimmed);
      applyUserUpdate(user);
      setName(user.name);
      setProblems([]);
      setStatus('Name saved.');
    } catch (error) {
      setProblems([problemText(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="settings-form profile-section" onSubmit={save} aria-labelledby="profile-name-heading">
      <h2 id="profile-name-heading">Your name</h2>
      <TextField label="Name" value={name} onInput={setName} autoComplete="name" required maxLength={NAME_MAX} hint="Colleagues see this name; visitors see it on your replies." />
      <ProblemsAlert problems={problems} />
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy}>
          Save name
        </button>
        <p class="form-status" role="status">
          {status}
        </p>
      </div>
    </form>
  );
}

function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function change(event: Event) {
    event.preventDefault();
    setStatus('');
    if (currentPassword === '' || [...newPassword].length < PASSWORD_MIN) {
      setProblems([currentPassword === '' ? 'Enter your current password.' : `The new password needs at least ${PASSWORD_MIN} characters.`]);
      return;
    }
    setBusy(true);
    try {
      await profileApi.changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setProblems([]);
      setStatus('Password changed. Your other sessions were signed out.');
    } catch (error) {
      setProblems([problemText(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="settings-form profile-section" onSubmit={change} aria-labelledby="profile-password-heading">
      <h2 id="profile-password-heading">Password</h2>
      <TextField label="Current password" type="password" value={currentPassword} onInput={setCurrentPassword} autoComplete="current-password" required />
      <TextField
        label="New password"
        type="password"
        value={newPassword}
        onInput={setNewPassword}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters and not a common password. Changing it signs out your other sessions.`}
      />
      <ProblemsAlert problems={problems} />
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy}>
          Change password
        </button>
        <p class="form-status" role="status">
          {status}
        </p>
      </div>
    </form>
  );
}

function OtherSessions() {
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function revoke() {
    setStatus('');
    setBusy(true);
    try {
      const { ended } = await profileApi.revokeOtherSessions();
      setProblems([]);
      setStatus(ended === 0 ? 'You had no other sessions.' : `Signed out of ${ended} other ${ended === 1 ? 'session' : 'sessions'}.`);
    } catch (error) {
      setProblems([problemText(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="settings-form profile-section" aria-labelledby="profile-sessions-heading">
      <h2 id="profile-sessions-heading">Sessions</h2>
      <p>Signed in on another device you no longer use? End every session but this one.</p>
      <ProblemsAlert problems={problems} />
      <div class="form-actions">
        <button type="button" class="button" disabled={busy} onClick={() => void revoke()}>
          Sign out of all other sessions
        </button>
        <p class="form-status" role="status">
          {status}
        </p>
      </div>
    </section>
  );
}

export function ProfilePage() {
  return (
    <div class="page profile-page">
      <h1 class="pane-title">Profile</h1>
      <div class="settings-form">
        <NameForm />
        <AvatarForm />
        <PasswordForm />
        <OtherSessions />
      </div>
    </div>
  );
}
