import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { BASE, hrefFor, navigate } from '../../router.js';
import { inbox } from '../../state/inboxStore.js';
import { loadUsers } from '../../state/session.js';
import { useStore } from '../../state/store.js';
import { loadTeams } from '../../state/teams.js';
import { loadWizardTarget, type WizardTarget } from './loadWizardTarget.js';
import { completeSetup } from './setupCompletion.js';
import { WizardFlow } from './WizardFlow.js';

/**
 * A1: the full-page setup wizard. Shown after sign-in while the workspace's setup is not done
 * (for admins) and from the "Setup wizard" link later. Skipping counts as done too, so it
 * never comes back by itself.
 */
export function SetupWizard() {
  const isAdmin = useStore(inbox, (state) => state.session?.user.role === 'admin');
  const [target, setTarget] = useState<WizardTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [skipping, setSkipping] = useState(false);

  async function load() {
    setError(null);
    try {
      setTarget(await loadWizardTarget());
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  useEffect(() => {
    document.title = 'Set up your chat · Parley inbox';
    // Sent here from any address on first sign-in: the address bar should say where we are.
    const setupHref = hrefFor({ name: 'setup' });
    if (location.pathname !== setupHref) navigate(setupHref, { replace: true });
    if (!isAdmin) return;
    void load();
    void loadUsers();
    // Teams only feed the routing step's picker, which says when there are none.
    loadTeams().catch(() => {});
  }, [isAdmin]);

  async function skip() {
    if (skipping) return;
    setSkipping(true);
    setError(null);
    try {
      await completeSetup();
      navigate(BASE);
    } catch (caught) {
      setError(`Could not skip setup: ${errorText(caught)}`);
      setSkipping(false);
    }
  }

  return (
    <main class="wizard" id="main">
      <header class="wizard-header">
        <p class="brand">Parley</p>
        {isAdmin && (
          <button type="button" class="button subtle" aria-disabled={skipping} onClick={() => void skip()}>
            Skip setup
          </button>
        )}
      </header>
      {!isAdmin ? (
        <p class="notice">
          Only admins can run the setup wizard. <a href={BASE}>Back to the inbox</a>
        </p>
      ) : error ? (
        <div class="list-message" role="alert">
          <p>{error}</p>
          {!target && (
            <button type="button" class="button" onClick={() => void load()}>
              Try again
            </button>
          )}
        </div>
      ) : null}
      {isAdmin && target === null && !error && <p role="status">Loading your site…</p>}
      {isAdmin && target && target.chatflow === null && (
        <p class="notice">
          {target.site ? `${target.site.name} has no chatflow to set up.` : 'There is no site to set up yet.'} Skip setup and
          create one on the Sites page.
        </p>
      )}
      {isAdmin && target?.chatflow && <WizardFlow site={target.site} chatflow={target.chatflow} />}
    </main>
  );
}
