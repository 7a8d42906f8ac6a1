import { useEffect } from 'preact/hooks';
import { useRoute } from '../router.js';
import { inbox } from '../state/inboxStore.js';
import { restoreSession } from '../state/session.js';
import { useStore } from '../state/store.js';
import { InboxLayout } from './InboxLayout.js';
import { InvitePage } from './InvitePage.js';
import { ResetPasswordPage } from './passwordReset/ResetPasswordPage.js';
import { SetupWizard } from './setup/SetupWizard.js';
import { SignInPage } from './SignInPage.js';

export function App() {
  const route = useRoute();
  const session = useStore(inbox, (state) => state.session);

  useEffect(() => {
    void restoreSession();
  }, []);

  // The invitation page works whoever is signed in: accepting it signs in as the new user.
  if (route.name === 'invite') return <InvitePage token={route.token} />;
  // The same for a reset link: it may be opened in a browser signed in as anyone.
  if (route.name === 'resetPassword') return <ResetPasswordPage token={route.token} />;
  if (session === undefined) {
    return (
      <main class="centered">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (session === null) return <SignInPage />;
  // A1: until setup is done (or skipped), an admin's sign-in lands in the wizard.
  const needsSetup = session.user.role === 'admin' && !session.workspace.setupCompleted;
  if (route.name === 'setup' || needsSetup) return <SetupWizard />;
  return <InboxLayout route={route} />;
}
