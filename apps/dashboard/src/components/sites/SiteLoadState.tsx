import { loadAdminSites, type AdminSitesState } from './adminSites.js';

/** Loading and failure lines shared by the site pages; nothing once the sites are in. */
export function SiteLoadState({ state }: { state: AdminSitesState }) {
  if (state.status === 'error') {
    return (
      <div class="list-message" role="alert">
        <p>Could not load the sites: {state.error}</p>
        <button type="button" class="button" onClick={() => void loadAdminSites()}>
          Try again
        </button>
      </div>
    );
  }
  if (state.status !== 'loaded') return <p role="status">Loading sites…</p>;
  return null;
}
