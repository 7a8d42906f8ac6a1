import { useEffect } from 'preact/hooks';
import { hrefFor, onLinkClick } from '../../router.js';
import { loadUsers } from '../../state/session.js';
import { findChatflow, loadSites, sitesStore } from '../../state/sites.js';
import { useStore } from '../../state/store.js';
import { loadTeams } from '../../state/teams.js';
import { ChatflowSettingsForm } from './ChatflowSettingsForm.js';

/** One chatflow's assignment and availability settings (R1–R4, W7, A7). */
export function ChatflowSettingsPage({ chatflowId }: { chatflowId: number }) {
  const { sites, load, error } = useStore(sitesStore, (state) => state);
  const found = findChatflow(sites, chatflowId);

  useEffect(() => {
    void loadSites();
    void loadUsers();
    // Teams feed the pickers; a failure leaves them empty and the form says so where it matters.
    loadTeams().catch(() => {});
  }, [chatflowId]);

  return (
    <div class="page settings-page">
      <p>
        <a href={hrefFor({ name: 'chatflows' })} onClick={onLinkClick}>
          All chatflows
        </a>
      </p>
      {found ? (
        // Keyed by the chatflow, so another chatflow starts from its own settings.
        <ChatflowSettingsForm key={found.chatflow.id} siteName={found.site.name} chatflow={found.chatflow} />
      ) : load === 'error' ? (
        <div class="list-message" role="alert">
          <p>Could not load the chatflow: {error}</p>
          <button type="button" class="button" onClick={() => void loadSites()}>
            Try again
          </button>
        </div>
      ) : (
        <p role="status">{load === 'loaded' ? 'This chatflow does not exist.' : 'Loading chatflow…'}</p>
      )}
    </div>
  );
}
