import { hrefFor, navigate, onLinkClick } from '../../router.js';
import { SiteForm } from './SiteForm.js';
import { SiteLoadState } from './SiteLoadState.js';
import { useAdminSites } from './useAdminSites.js';

/** One site's name and allowed origins. */
export function SiteEditPage({ siteId }: { siteId: number }) {
  const state = useAdminSites();
  const site = state.sites.find((s) => s.id === siteId);
  return (
    <div class="page site-page">
      <p>
        <a href={hrefFor({ name: 'sites' })} onClick={onLinkClick}>
          All sites
        </a>
      </p>
      <h1 class="pane-title">Site settings</h1>
      {site ? (
        <SiteForm key={site.id} site={site} onDone={() => navigate(hrefFor({ name: 'sites' }))} />
      ) : state.status === 'loaded' ? (
        <p class="notice">This site does not exist.</p>
      ) : (
        <SiteLoadState state={state} />
      )}
    </div>
  );
}
