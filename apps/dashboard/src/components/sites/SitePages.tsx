import type { Route } from '../../router.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { canEditChatflows } from '../chatflows/permissions.js';
import { InstallPage } from './InstallPage.js';
import { SiteEditPage } from './SiteEditPage.js';
import { SitesPage } from './SitesPage.js';

export type SiteRoute = Extract<Route, { name: 'sites' | 'site' | 'siteInstall' }>;

export function isSiteRoute(route: Route): route is SiteRoute {
  return route.name === 'sites' || route.name === 'site' || route.name === 'siteInstall';
}

/** Sites, one site's settings and its Install page; for admins and `chatflows:edit` users (A3). */
export function SitePages({ route }: { route: SiteRoute }) {
  const allowed = useStore(inbox, (state) => canEditChatflows(state.session?.user));
  if (!allowed) return <p class="notice">Only admins and users who may edit chatflows can manage sites.</p>;
  switch (route.name) {
    case 'sites':
      return <SitesPage />;
    case 'site':
      return <SiteEditPage siteId={route.id} />;
    case 'siteInstall':
      return <InstallPage siteId={route.id} />;
  }
}
