import { useEffect } from 'preact/hooks';
import { hrefFor, onLinkClick } from '../../router.js';
import { loadSites, sitesStore } from '../../state/sites.js';
import { useStore } from '../../state/store.js';
import { ASSIGNMENT_MODES, AVAILABILITY_MODES, labelOf } from './labels.js';

/** Admins: every site's chatflows, each leading to its assignment and availability settings. */
export function ChatflowsPage() {
  const { sites, load, error } = useStore(sitesStore, (state) => state);

  useEffect(() => {
    void loadSites();
  }, []);

  return (
    <div class="page">
      <h1 class="pane-title">Chatflows</h1>
      {load === 'error' && (
        <div class="list-message" role="alert">
          <p>Could not load the chatflows: {error}</p>
          <button type="button" class="button" onClick={() => void loadSites()}>
            Try again
          </button>
        </div>
      )}
      {load !== 'error' && sites.length === 0 && <p role="status">{load === 'loaded' ? 'No sites yet.' : 'Loading chatflows…'}</p>}
      {sites.map((site) => (
        <section key={site.id} class="card site" aria-labelledby={`site-${site.id}`}>
          <h2 id={`site-${site.id}`} class="card-title">
            {site.name}
          </h2>
          {site.chatflows.length === 0 ? (
            <p class="field-hint">This site has no chatflows.</p>
          ) : (
            <ul class="chatflow-list">
              {site.chatflows.map((chatflow) => (
                <li key={chatflow.id} class="chatflow-item">
                  <a href={hrefFor({ name: 'chatflow', id: chatflow.id })} onClick={onLinkClick}>
                    {chatflow.name}
                  </a>
                  <span class="field-hint">
                    {chatflow.enabled ? 'Enabled' : 'Disabled'}
                    {chatflow.isDefault ? ' · Default' : ''} · {labelOf(ASSIGNMENT_MODES, chatflow.routing.mode)} ·{' '}
                    {labelOf(AVAILABILITY_MODES, chatflow.availability.mode)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
