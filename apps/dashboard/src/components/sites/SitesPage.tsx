import type { AdminSite } from '@parley/protocol';
import { hrefFor, navigate, onLinkClick } from '../../router.js';
import { SiteForm } from './SiteForm.js';
import { SiteIdentitySection } from './SiteIdentitySection.js';
import { SiteLoadState } from './SiteLoadState.js';
import { OriginsSummary } from './InstallPage.js';
import { useAdminSites } from './useAdminSites.js';
import { WidgetSeenStatus } from './WidgetSeenStatus.js';

/** The workspace's sites: where the widget may run, and a way to install it on a new one. */
export function SitesPage() {
  const state = useAdminSites();
  return (
    <div class="page sites-page">
      <h1 class="pane-title">Sites</h1>
      <SiteLoadState state={state} />
      {state.status === 'loaded' && state.sites.length === 0 && <p class="field-hint">No sites yet. Create the first one below.</p>}
      {state.sites.length > 0 && (
        <ul class="site-list" aria-label="Sites">
          {state.sites.map((site) => (
            <li key={site.id}>
              <SiteItem site={site} />
            </li>
          ))}
        </ul>
      )}
      <section class="site-card">
        {/* A new site goes straight to its Install page: the snippet is what the admin needs next. */}
        <SiteForm onDone={(site) => site && navigate(hrefFor({ name: 'siteInstall', id: site.id }))} />
      </section>
    </div>
  );
}

function SiteItem({ site }: { site: AdminSite }) {
  return (
    <article class="site-card" aria-labelledby={`site-${site.id}`}>
      <h2 id={`site-${site.id}`} class="card-title">
        {site.name}
      </h2>
      <OriginsSummary origins={site.allowedOrigins} />
      <WidgetSeenStatus site={site} />
      <SiteIdentitySection site={site} />
      <div class="form-actions">
        <a class="button" href={hrefFor({ name: 'siteInstall', id: site.id })} onClick={onLinkClick} aria-label={`Install ${site.name}`}>
          Install
        </a>
        <a class="button" href={hrefFor({ name: 'site', id: site.id })} onClick={onLinkClick} aria-label={`Edit ${site.name}`}>
          Edit
        </a>
      </div>
    </article>
  );
}
