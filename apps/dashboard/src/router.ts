/**
 * Path routing under the /inbox/ base (the server answers every /inbox/* path with index.html).
 * Routes: /inbox/<view>, /inbox/team/<id>, /inbox/conversations/<id>, /inbox/conversations/<id>/details (the
 * visitor's details, a screen of its own on phones and tablets), /inbox/users, /inbox/teams, /inbox/chatflows,
 * /inbox/chatflows/<id>, /inbox/sites, /inbox/sites/<id>, /inbox/sites/<id>/install, /inbox/setup, /inbox/profile, /inbox/ticket-properties, /inbox/subscription-types, /inbox/notifications,
 * /inbox/contacts, /inbox/contacts/<id>, /inbox/leads, /inbox/deals,
 * /inbox/invite?token=…, /inbox/reset-password?token=…
 */
import type { InboxView } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { isInboxView } from './state/views.js';

export type Route =
  | { name: 'view'; view: InboxView | null }
  /** A team's view (I3): /inbox/team/<id>. */
  | { name: 'teamView'; id: number }
  | { name: 'conversation'; id: number; details?: boolean }
  | { name: 'users' }
  | { name: 'teams' }
  | { name: 'chatflows' }
  | { name: 'chatflow'; id: number }
  | { name: 'invite'; token: string }
  | { name: 'resetPassword'; token: string }
  | { name: 'sites' }
  | { name: 'site'; id: number }
  | { name: 'siteInstall'; id: number }
  | { name: 'setup' }
  | { name: 'profile' }
  | { name: 'macros' }
  | { name: 'ticketProperties' }
  | { name: 'subscriptionTypes' }
  | { name: 'notifications' }
  | { name: 'contacts' }
  | { name: 'contact'; id: number }
  | { name: 'leads' }
  | { name: 'deals' }
  | { name: 'not_found' };

/** Ends with a slash, e.g. "/inbox/". */
export const BASE = import.meta.env.BASE_URL;

export function parseRoute(pathname: string, search: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'view', view: null };
  if (parts.length === 1 && isInboxView(parts[0])) return { name: 'view', view: parts[0] };
  if (parts.length === 2 && parts[0] === 'team' && /^[1-9]\d{0,15}$/.test(parts[1])) return { name: 'teamView', id: Number(parts[1]) };
  if (parts.length === 1 && parts[0] === 'users') return { name: 'users' };
  if (parts.length === 1 && parts[0] === 'teams') return { name: 'teams' };
  if (parts.length === 1 && parts[0] === 'chatflows') return { name: 'chatflows' };
  if (parts.length === 2 && parts[0] === 'chatflows' && /^[1-9]\d{0,15}$/.test(parts[1])) {
    return { name: 'chatflow', id: Number(parts[1]) };
  }
  if (parts.length === 1 && parts[0] === 'sites') return { name: 'sites' };
  if (parts.length === 1 && parts[0] === 'setup') return { name: 'setup' };
  if (parts.length === 1 && parts[0] === 'profile') return { name: 'profile' };
  if (parts.length === 1 && parts[0] === 'macros') return { name: 'macros' };
  if (parts.length === 1 && parts[0] === 'ticket-properties') return { name: 'ticketProperties' };
  if (parts.length === 1 && parts[0] === 'subscription-types') return { name: 'subscriptionTypes' };
  if (parts.length === 1 && parts[0] === 'notifications') return { name: 'notifications' };
  if (parts[0] === 'sites' && /^[1-9]\d{0,15}$/.test(parts[1] ?? '')) {
    if (parts.length === 2) return { name: 'site', id: Number(parts[1]) };
    if (parts.length === 3 && parts[2] === 'install') return { name: 'siteInstall', id: Number(parts[1]) };
  }
  if (parts.length === 1 && parts[0] === 'contacts') return { name: 'contacts' };
  if (parts.length === 2 && parts[0] === 'contacts' && /^[1-9]\d{0,15}$/.test(parts[1])) return { name: 'contact', id: Number(parts[1]) };
  if (parts.length === 1 && parts[0] === 'leads') return { name: 'leads' };
  if (parts.length === 1 && parts[0] === 'deals') return { name: 'deals' };
  if (parts.length === 1 && parts[0] === 'invite') {
    return { name: 'invite', token: new URLSearchParams(search).get('token') ?? '' };
  }
  if (parts.length === 1 && parts[0] === 'reset-password') {
    return { name: 'resetPassword', token: new URLSearchParams(search).get('token') ?? '' };
  }
  if (parts.length === 2 && parts[0] === 'conversations' && /^[1-9]\d{0,15}$/.test(parts[1])) {
    return { name: 'conversation', id: Number(parts[1]) };
  }
  if (parts.length === 3 && parts[0] === 'conversations' && /^[1-9]\d{0,15}$/.test(parts[1]) && parts[2] === 'details') {
    return { name: 'conversation', id: Number(parts[1]), details: true };
  }
  return { name: 'not_found' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'view':
      return BASE + (route.view ?? '');
    case 'teamView':
      return `${BASE}team/${route.id}`;
    case 'conversation':
      return `${BASE}conversations/${route.id}${route.details ? '/details' : ''}`;
    case 'users':
      return `${BASE}users`;
    case 'teams':
      return `${BASE}teams`;
    case 'chatflows':
      return `${BASE}chatflows`;
    case 'chatflow':
      return `${BASE}chatflows/${route.id}`;
    case 'invite':
      return `${BASE}invite?token=${encodeURIComponent(route.token)}`;
    case 'resetPassword':
      return `${BASE}reset-password?token=${encodeURIComponent(route.token)}`;
    case 'sites':
      return `${BASE}sites`;
    case 'site':
      return `${BASE}sites/${route.id}`;
    case 'siteInstall':
      return `${BASE}sites/${route.id}/install`;
    case 'setup':
      return `${BASE}setup`;
    case 'profile':
      return `${BASE}profile`;
    case 'macros':
      return `${BASE}macros`;
    case 'ticketProperties':
      return `${BASE}ticket-properties`;
    case 'subscriptionTypes':
      return `${BASE}subscription-types`;
    case 'notifications':
      return `${BASE}notifications`;
    case 'contacts':
      return `${BASE}contacts`;
    case 'contact':
      return `${BASE}contacts/${route.id}`;
    case 'leads':
      return `${BASE}leads`;
    case 'deals':
      return `${BASE}deals`;
    case 'not_found':
      return BASE;
  }
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/**
 * A page with unsaved changes (the chatflow editor) sets a guard; it answers whether leaving is
 * fine (asking the person if needed). In-app links and Back/Forward both respect it.
 */
let leaveGuard: (() => boolean) | null = null;
export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

/** The address the app shows, to go back to when Back is refused by the guard. */
let shownHref = typeof location === 'undefined' ? '' : location.pathname + location.search;

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (href === location.pathname + location.search) return;
  if (leaveGuard && !leaveGuard()) return;
  // Each entry remembers the in-app address it was opened from, so returnTo() can go back.
  if (options.replace) history.replaceState(history.state, '', href);
  else history.pushState({ previous: shownHref } satisfies EntryState, '', href);
  shownHref = href;
  notify();
}

interface EntryState {
  previous: string;
}

/**
 * An in-app "Back" (a phone's thread back to its list): the browser's Back when this entry was
 * opened from `href`, so the history stays as the person built it and Forward still works;
 * otherwise (a link from elsewhere, a reload) a plain navigation to `href`.
 */
export function returnTo(href: string): void {
  const state = history.state as Partial<EntryState> | null;
  if (state?.previous === href) history.back();
  else navigate(href);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    if (leaveGuard && !leaveGuard()) {
      // The browser has already moved; put the page's address back.
      history.pushState(null, '', shownHref);
      return;
    }
    shownHref = location.pathname + location.search;
    notify();
  });
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return route;
}

/**
 * Click handler for in-app links: plain clicks navigate without a page load; modified clicks
 * (new tab, new window) keep the browser's behaviour.
 */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const anchor = event.currentTarget as HTMLAnchorElement;
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? BASE);
}
