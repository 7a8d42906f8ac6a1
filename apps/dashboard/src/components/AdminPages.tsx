import type { Route } from '../router.js';
import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';
import { ChatflowSettingsPage } from './chatflows/ChatflowSettingsPage.js';
import { ChatflowsPage } from './chatflows/ChatflowsPage.js';
import { isSiteRoute, SitePages } from './sites/SitePages.js';
import { TeamsPage } from './teams/TeamsPage.js';
import { TicketPropertiesPage } from './ticketProperties/TicketPropertiesPage.js';
import { SubscriptionTypesPage } from './subscriptionTypes/SubscriptionTypesPage.js';
import { UsersPage } from './UsersPage.js';

export type AdminRoute = Extract<Route, { name: 'users' | 'teams' | 'chatflows' | 'chatflow' | 'sites' | 'site' | 'siteInstall' | 'ticketProperties' | 'subscriptionTypes' }>;

export function isAdminRoute(route: Route): route is AdminRoute {
  return route.name === 'users' || route.name === 'teams' || route.name === 'chatflows' || route.name === 'chatflow' || route.name === 'ticketProperties' || route.name === 'subscriptionTypes' || isSiteRoute(route);
}

/** Page names for the tab title. */
export function adminPageTitle(route: AdminRoute): string {
  switch (route.name) {
    case 'users':
      return 'Users';
    case 'teams':
      return 'Teams';
    case 'chatflows':
    case 'chatflow':
      return 'Chatflows';
    case 'sites':
    case 'site':
    case 'siteInstall':
      return 'Sites';
    case 'ticketProperties':
      return 'Ticket properties';
    case 'subscriptionTypes':
      return 'Subscription types';
  }
}

/** The admin screens (A2, A3, A7). The server checks the role too; this only keeps agents out. */
export function AdminPages({ route }: { route: AdminRoute }) {
  const isAdmin = useStore(inbox, (state) => state.session?.user.role === 'admin');
  // Sites decide for themselves: `chatflows:edit` users may manage them too.
  if (isSiteRoute(route)) return <SitePages route={route} />;
  // Everyone signed in may see chatflows; the pages show editing to admins and `chatflows:edit` (A3).
  if (route.name === 'chatflows') return <ChatflowsPage />;
  if (route.name === 'chatflow') return <ChatflowSettingsPage chatflowId={route.id} />;
  if (!isAdmin) return <p class="notice">Only admins can manage {adminPageTitle(route).toLowerCase()}.</p>;
  switch (route.name) {
    case 'users':
      return <UsersPage />;
    case 'teams':
      return <TeamsPage />;
    case 'ticketProperties':
      return <TicketPropertiesPage />;
    case 'subscriptionTypes':
      return <SubscriptionTypesPage />;
    default:
      return null;
  }
}
