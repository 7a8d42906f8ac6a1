import type { AdminSite } from '@parley/protocol';
import type { ComponentChildren } from 'preact';
import { hrefFor, onLinkClick } from '../../router.js';
import type { AdminSitesState } from './adminSites.js';
import { SiteLoadState } from './SiteLoadState.js';

interface SitePageFrameProps {
  siteId: number;
  state: AdminSitesState;
  /** Shown whether or not the site is in yet. */
  heading?: ComponentChildren;
  children: (site: AdminSite) => ComponentChildren;
}

/** A page about one site: the way back to all sites, then the site's content, or why it is not there. */
export function SitePageFrame({ siteId, state, heading, children }: SitePageFrameProps) {
  const site = state.sites.find((s) => s.id === siteId);
  return (
    <div class="page site-page">
      <p>
        <a href={hrefFor({ name: 'sites' })} onClick={onLinkClick}>
          All sites
        </a>
      </p>
      {heading}
      {site ? children(site) : state.status === 'loaded' ? <p class="notice">This site does not exist.</p> : <SiteLoadState state={state} />}
    </div>
  );
}
