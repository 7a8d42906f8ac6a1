import { useEffect, useRef, useState } from 'preact/hooks';
import { hrefFor, onLinkClick, type Route } from '../router.js';
import { inbox } from '../state/inboxStore.js';
import { signOut } from '../state/session.js';
import { useStore } from '../state/store.js';
import { VIEWS } from '../state/views.js';
import { AvailabilitySwitch } from './AvailabilitySwitch.js';
import { canEditChatflows } from './chatflows/permissions.js';
import { UnreadBadge } from './notifications/UnreadBadge.js';
import { showsAllView, TeamViewLinks } from './lists/TeamViewLinks.js';
import { listQuery } from '../state/listQuery.js';

/** Who sees a settings link: admins only, those who may edit chatflows (A3), or everyone. */
type Audience = 'admin' | 'chatflowEditor' | 'everyone';

const SETTINGS_LINKS: ReadonlyArray<{ target: Route; label: string; audience: Audience }> = [
  { target: { name: 'users' }, label: 'Users', audience: 'admin' },
  { target: { name: 'teams' }, label: 'Teams', audience: 'admin' },
  { target: { name: 'chatflows' }, label: 'Chatflows', audience: 'everyone' },
  { target: { name: 'sites' }, label: 'Sites', audience: 'chatflowEditor' },
  { target: { name: 'setup' }, label: 'Setup wizard', audience: 'admin' },
  { target: { name: 'profile' }, label: 'Profile', audience: 'everyone' },
  { target: { name: 'macros' }, label: 'Macros', audience: 'everyone' },
  { target: { name: 'ticketProperties' }, label: 'Ticket properties', audience: 'admin' },
  { target: { name: 'subscriptionTypes' }, label: 'Subscription types', audience: 'admin' },
  { target: { name: 'notifications' }, label: 'Notifications', audience: 'everyone' },
];

/** The people behind the chats and the pipeline (issue 10), for everyone signed in. */
const CUSTOMER_LINKS: ReadonlyArray<{ target: Route; label: string; also?: Route['name'] }> = [
  { target: { name: 'contacts' }, label: 'Contacts', also: 'contact' },
  { target: { name: 'leads' }, label: 'Leads' },
  { target: { name: 'deals' }, label: 'Deals' },
];

/**
 * The inbox navigation: a column on desktop; below 1024 px a bar whose Menu button opens the
 * links, my name and availability over the page (closed again by a link, Escape or Menu).
 */
export function SideNav({ route }: { route: Route }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  useEffect(() => setMenuOpen(false), [route]);
  // A tap or click anywhere outside the open menu closes it, as with any menu.
  useEffect(() => {
    if (!menuOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [menuOpen]);
  const counts = useStore(inbox, (state) => state.counts);
  const selectedView = useStore(inbox, (state) => state.selectedView);
  const session = useStore(inbox, (state) => state.session);
  const shownTeam = useStore(listQuery, (state) => state.team);
  if (!session) return null;
  const admin = session.user.role === 'admin';
  const editor = canEditChatflows(session.user);
  const links = SETTINGS_LINKS.filter(({ audience }) => audience === 'everyone' || (audience === 'admin' ? admin : editor));
  const onViews = route.name === 'view' || route.name === 'conversation';

  return (
    <nav
      ref={nav}
      class={menuOpen ? 'sidenav menu-open' : 'sidenav'}
      aria-label="Inbox"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !menuOpen) return;
        setMenuOpen(false);
        menuButton.current?.focus();
      }}
    >
      <div class="sidenav-bar">
        <button
          type="button"
          ref={menuButton}
          class="button subtle menu-button"
          aria-expanded={menuOpen}
          aria-controls="nav-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <p class="brand">Parley</p>
      </div>
      {/* A link to the page already shown changes no route: close on any link. */}
      <div id="nav-menu" class="sidenav-menu" onClick={(event) => (event.target as Element).closest('a') && setMenuOpen(false)}>
        <ul class="nav-list">
          {VIEWS.filter(({ view }) => view !== 'all' || showsAllView(session, counts)).map(({ view, label }) => {
            const current = onViews && selectedView === view && shownTeam === null;
            return (
              <li key={view}>
                <a
                  href={hrefFor({ name: 'view', view })}
                  onClick={onLinkClick}
                  class={current ? 'nav-link current' : 'nav-link'}
                  aria-current={current ? 'page' : undefined}
                >
                  <span>{label}</span>
                  <UnreadBadge view={view} />
                  <span class="count">{counts ? counts[view] : ''}</span>
                </a>
              </li>
            );
          })}
        </ul>
        <TeamViewLinks route={route} />
        <ul class="nav-list" aria-label="Customers">
          {CUSTOMER_LINKS.map(({ target, label, also }) => {
            const current = route.name === target.name || route.name === also;
            return (
              <li key={label}>
                <a href={hrefFor(target)} onClick={onLinkClick} class={current ? 'nav-link current' : 'nav-link'} aria-current={current ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            );
          })}
        </ul>
        {links.length > 0 && (
          <ul class="nav-list" aria-label="Settings">
            {links.map(({ target, label }) => {
              // A chatflow's own page counts as the Chatflows section.
              const current =
                route.name === target.name ||
                (target.name === 'chatflows' && route.name === 'chatflow') ||
                (target.name === 'sites' && (route.name === 'site' || route.name === 'siteInstall'));
              return (
                <li key={label}>
                  <a
                    href={hrefFor(target)}
                    onClick={onLinkClick}
                    class={current ? 'nav-link current' : 'nav-link'}
                    aria-current={current ? 'page' : undefined}
                  >
                    {label}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
        <div class="me">
          {session.user.avatarUrl && <img class="me-avatar" src={session.user.avatarUrl} alt="" width={32} height={32} />}
          <p class="me-name">{session.user.name}</p>
          <p class="me-workspace">{session.workspace.name}</p>
          <AvailabilitySwitch />
          <button type="button" class="button subtle" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
    </nav>
  );
}
