import { useEffect } from 'preact/hooks';
import { hrefFor, onLinkClick } from '../../router.js';
import { inbox } from '../../state/inboxStore.js';
import { loadUsers } from '../../state/session.js';
import { useStore } from '../../state/store.js';
import { loadTeams } from '../../state/teams.js';
import { ChatflowEditor } from './ChatflowEditor.js';
import { chatflowsStore, loadChatflows, siteChatflows } from './chatflowsStore.js';
import { canEditChatflows } from './permissions.js';
import '../../styles/chatflows.css';

/** One chatflow's editor (A2, W2–W6, W16, W19), for admins and users allowed to edit chatflows. */
export function ChatflowSettingsPage({ chatflowId }: { chatflowId: number }) {
  const { sites, chatflows, load, error } = useStore(chatflowsStore, (state) => state);
  const users = useStore(inbox, (state) => state.users);
  const teams = useStore(inbox, (state) => state.teams);
  const canEdit = useStore(inbox, (state) => canEditChatflows(state.session?.user));
  const chatflow = chatflows.find((c) => c.id === chatflowId);
  const site = chatflow && sites.find((s) => s.id === chatflow.siteId);

  useEffect(() => {
    void loadChatflows();
    void loadUsers();
    // Teams feed the assignment pickers; a failure leaves them empty and the form says so there.
    loadTeams().catch(() => {});
  }, [chatflowId]);

  return (
    <div class="page settings-page">
      <p>
        <a href={hrefFor({ name: 'chatflows' })} onClick={onLinkClick}>
          All chatflows
        </a>
      </p>
      {!canEdit ? (
        <p class="notice" role="status">
          Only admins and users allowed to edit chatflows can change a chatflow. Ask an admin for the permission.
        </p>
      ) : chatflow && site ? (
        // Keyed by the chatflow, so another chatflow starts from its own settings.
        <ChatflowEditor
          key={chatflow.id}
          chatflow={chatflow}
          site={site}
          siteChatflows={siteChatflows(chatflows, site.id)}
          users={users}
          teams={teams}
        />
      ) : load === 'error' ? (
        <div class="list-message" role="alert">
          <p>Could not load the chatflow: {error}</p>
          <button type="button" class="button" onClick={() => void loadChatflows()}>
            Try again
          </button>
        </div>
      ) : (
        <p role="status">{load === 'loaded' ? 'This chatflow does not exist.' : 'Loading chatflow…'}</p>
      )}
    </div>
  );
}
