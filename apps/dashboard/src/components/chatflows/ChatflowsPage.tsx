import type { Chatflow } from '@parley/protocol';
import { useEffect, useId, useState } from 'preact/hooks';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { ChatflowRow } from './ChatflowRow.js';
import { chatflowsStore, loadChatflows, siteChatflows } from './chatflowsStore.js';
import { DeleteChatflowDialog } from './DeleteChatflowDialog.js';
import { NewChatflowDialog } from './NewChatflowDialog.js';
import { canEditChatflows } from './permissions.js';
import '../../styles/chatflows.css';

/**
 * A2: a site's chatflows in priority order (the first published one whose targeting matches is
 * shown), with publishing, reordering, creating, duplicating and deleting for those who may edit.
 */
export function ChatflowsPage() {
  const { sites, chatflows, load, error } = useStore(chatflowsStore, (state) => state);
  const canEdit = useStore(inbox, (state) => canEditChatflows(state.session?.user));
  const [siteId, setSiteId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Chatflow | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const pickerId = useId();

  useEffect(() => {
    void loadChatflows();
  }, []);

  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  const list = site ? siteChatflows(chatflows, site.id) : [];

  return (
    <div class="page chatflows-page">
      <div class="page-head">
        <h1 class="pane-title">Chatflows</h1>
        {canEdit && site && (
          <button type="button" class="button primary" onClick={() => setCreating(true)}>
            New chatflow
          </button>
        )}
      </div>
      {!canEdit && load === 'loaded' && (
        <p class="notice">You can see the chatflows; only admins and users allowed to edit chatflows can change them.</p>
      )}
      {sites.length > 1 && (
        <div class="field narrow-field">
          <label for={pickerId}>Site</label>
          <select id={pickerId} value={site?.id} onChange={(event) => setSiteId(Number(event.currentTarget.value))}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {load === 'error' && (
        <div class="list-message" role="alert">
          <p>Could not load the chatflows: {error}</p>
          <button type="button" class="button" onClick={() => void loadChatflows()}>
            Try again
          </button>
        </div>
      )}
      {load !== 'error' && !site && <p role="status">{load === 'loaded' ? 'No sites yet.' : 'Loading chatflows…'}</p>}
      {site && (
        <section class="chatflow-site" aria-labelledby="chatflow-site-title">
          <h2 id="chatflow-site-title" class="card-title">
            {site.name}
          </h2>
          <p class="field-hint">Each page view gets the first published chatflow in this order whose targeting matches.</p>
          {actionError && (
            <p class="form-error" role="alert">
              {actionError}
            </p>
          )}
          {list.length === 0 ? (
            <p class="field-hint">This site has no chatflows yet.</p>
          ) : (
            <ol class="chatflow-rows" aria-label={`Chatflows of ${site.name}, first shown first`}>
              {list.map((chatflow, index) => (
                <ChatflowRow
                  key={chatflow.id}
                  chatflow={chatflow}
                  position={index + 1}
                  count={list.length}
                  canEdit={canEdit}
                  onDelete={() => setDeleting(chatflow)}
                  onError={setActionError}
                />
              ))}
            </ol>
          )}
        </section>
      )}
      {creating && site && <NewChatflowDialog siteId={site.id} siteName={site.name} onClose={() => setCreating(false)} />}
      {deleting && <DeleteChatflowDialog chatflow={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}
