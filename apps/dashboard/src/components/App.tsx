import { useEffect } from 'preact/hooks';
import { useRoute } from '../router.js';
import { inbox } from '../state/inboxStore.js';
import { restoreSession } from '../state/session.js';
import { useStore } from '../state/store.js';
import { InboxLayout } from './InboxLayout.js';
import { InvitePage } from './InvitePage.js';
import { SignInPage } from './SignInPage.js';

export function App() {
  const route = useRoute();
  const session = useStore(inbox, (state) => state.session);

  useEffect(() => {
    void restoreSession();
  }, []);

  // The invitation page works whoever is signed in: accepting it signs in as the new user.
  if (route.name === 'invite') return <InvitePage token={route.token} />;
  if (session === undefined) {
    return (
      <main class="centered">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (session === null) return <SignInPage />;
  return <InboxLayout route={route} />;
}
