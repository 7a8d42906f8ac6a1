import { useEffect } from 'preact/hooks';
import { hrefFor, navigate, type Route } from '../router.js';
import { selectView, showTeam } from '../state/conversations.js';
import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';
import { closeThread, openThread } from '../state/thread.js';
import { viewLabel } from '../state/views.js';
import { AdminPages, adminPageTitle, isAdminRoute } from './AdminPages.js';
import { AwayNotice } from './AwayNotice.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { ConversationWorkspace } from './ConversationWorkspace.js';
import { OfferBanner } from './OfferBanner.js';
import { ProfilePage } from './profile/ProfilePage.js';
import { MacrosPage } from './macros/MacrosPage.js';
import { SideNav } from './SideNav.js';
import { NotificationPermissionBanner } from './notifications/NotificationPermissionBanner.js';
import { NotificationsPage } from './notifications/NotificationsPage.js';
import { CustomerPages, customerPageTitle, isCustomerRoute } from './contacts/CustomerPages.js';
import { inboxTabTitle } from '../alerts/tabTitle.js';
import { useUnreadForMe } from '../alerts/unread.js';

/**
 * The signed-in shell: navigation on the left (a bar with a menu below 1024 px), the routed page
 * in <main>. On a phone an open conversation takes the whole screen, navigation included.
 */
export function InboxLayout({ route }: { route: Route }) {
  const selectedView = useStore(inbox, (state) => state.selectedView);
  const unread = useUnreadForMe();
  const offers = useStore(inbox, (state) => state.offers.length);
  const openVisitor = useStore(inbox, (state) =>
    route.name === 'conversation' ? state.conversations.get(route.id)?.visitor.name : undefined,
  );

  // The route drives the state: which list is shown and which thread is open.
  useEffect(() => {
    if (route.name === 'view') {
      if (route.view === null) {
        navigate(hrefFor({ name: 'view', view: selectedView }), { replace: true });
        return;
      }
      selectView(route.view);
      closeThread();
    } else if (route.name === 'teamView') {
      showTeam(route.id);
      closeThread();
    } else if (route.name === 'conversation') {
      openThread(route.id);
    } else {
      closeThread();
    }
  }, [route]);

  useEffect(() => {
    const page = isAdminRoute(route) ? adminPageTitle(route) : isCustomerRoute(route) ? customerPageTitle(route) : route.name === 'notifications' ? 'Notifications' : (openVisitor ?? viewLabel(selectedView));
    document.title = inboxTabTitle({ page, offers, unread });
  }, [route, selectedView, unread, openVisitor, offers]);

  return (
    <div class={route.name === 'conversation' ? 'inbox in-conversation' : 'inbox'}>
      <SideNav route={route} />
      <main class="inbox-main" id="main">
        <OfferBanner />
        <AwayNotice />
        <ConnectionBanner />
        <NotificationPermissionBanner />
        {isAdminRoute(route) ? (
          <AdminPages route={route} />
        ) : route.name === 'profile' ? (
          <ProfilePage />
        ) : route.name === 'macros' ? (
          <MacrosPage />
        ) : route.name === 'notifications' ? (
          <NotificationsPage />
        ) : isCustomerRoute(route) ? (
          <CustomerPages route={route} />
        ) : route.name === 'not_found' ? (
          <p class="notice">This page does not exist.</p>
        ) : (
          <ConversationWorkspace
            conversationId={route.name === 'conversation' ? route.id : null}
            details={route.name === 'conversation' && route.details === true}
          />
        )}
      </main>
    </div>
  );
}
