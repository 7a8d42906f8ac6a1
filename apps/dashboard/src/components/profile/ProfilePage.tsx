/**
 * I1, my profile: change my name, change my password (which signs out my other sessions), and
 * sign out of all other sessions. Each part is its own form with its own problems and status, so
 * a refused password never hides that the name was saved.
 */
import type { ComponentChildren } from 'preact';
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

/**
 * One profile action's state: its problems, its status line and whether it is running. `run`
 * clears the old status, and shows the new one or the failure's words.
 */
function useProfileAction() {
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  function refuse(problem: string) {
    setStatus('');
    setProblems([problem]);
  }

  async function run(action: () => Promise<string>) {
    setStatus('');
    setBusy(true);
    try {
      const done = await action();
      setProblems([]);
      setStatus(done);
    } catch (error) {
      setProblems([problemText(error)]);
    } finally {
      setBusy(false);
    }
  }

  return { problems, status, busy, refuse, run };
}

/** The problems, the action's button and its status line, the same in every part. */
function ActionFooter({ action, button }: { action: ReturnType<typeof useProfileAction>; button: ComponentChildren }) {
  return (
    <>
      <ProblemsAlert problems={action.problems} />
      <div class="form-actions">
        {button}
        <p class="form-status" role="status">
          {action.status}
        </p>
      </div>
    </>
  );
}

function NameForm() {
  const current = useStore(inbox, (state) => state.session?.user.name ?? '');
  const [name, setName] = useState(current);
  const action = useProfileAction();

  async function save(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length === 0 || [...trimmed].length > NAME_MAX) {
      action.refuse(`A name needs 1 to ${NAME_MAX} characters.`);
      return;
    }
    await action.run(async () => {
      const { user } = await profileApi.rename(trimmed);
      applyUserUpdate(user);
      setName(user.name);
      return 'Name saved.';
    });
  }

  return (
    <form class="settings-form profile-section" onSubmit={save} aria-labelledby="profile-name-heading">
      <h2 id="profile-name-heading">Your name</h2>
      <TextField label="Name" value={name} onInput={setName} autoComplete="name" required maxLength={NAME_MAX} hint="Colleagues see this name; visitors see it on your replies." />
      <ActionFooter
        action={action}
        button={
          <button type="submit" class="button primary" disabled={action.busy}>
            Save name
          </button>
        }
      />
    </form>
  );
}

function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const action = useProfileAction();

  async function change(event: Event) {
    event.preventDefault();
    if (currentPassword === '' || [...newPassword].length < PASSWORD_MIN) {
      action.refuse(currentPassword === '' ? 'Enter your current password.' : `The new password needs at least ${PASSWORD_MIN} characters.`);
      return;
    }
    await action.run(async () => {
      await profileApi.changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      return 'Password changed. Your other sessions were signed out.';
    });
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
      <ActionFooter
        action={action}
        button={
          <button type="submit" class="button primary" disabled={action.busy}>
            Change password
          </button>
        }
      />
    </form>
  );
}

function OtherSessions() {
  const action = useProfileAction();

  async function revoke() {
    await action.run(async () => {
      const { ended } = await profileApi.revokeOtherSessions();
      return ended === 0 ? 'You had no other sessions.' : `Signed out of ${ended} other ${ended === 1 ? 'session' : 'sessions'}.`;
    });
  }

  return (
    <section class="settings-form profile-section" aria-labelledby="profile-sessions-heading">
      <h2 id="profile-sessions-heading">Sessions</h2>
      <p>Signed in on another device you no longer use? End every session but this one.</p>
      <ActionFooter
        action={action}
        button={
          <button type="button" class="button" disabled={action.busy} onClick={() => void revoke()}>
            Sign out of all other sessions
          </button>
        }
      />
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
