/**
 * Starts the I8 machinery once per page: the tab coordinator, my choices loaded for whoever signs
 * in (and forgotten on sign-out), and Unassigned and Mine kept loaded once connected, so the unread
 * count in the title covers them whichever view is on screen.
 */
import { loadView } from '../state/conversations.js';
import { inbox } from '../state/inboxStore.js';
import { resetInboxAlerts } from './inboxAlerts.js';
import { loadNotificationPrefs, resetNotificationPrefs } from './notificationPrefs.js';
import { startTabCoordinator } from './tabCoordinator.js';

const ALWAYS_LOADED = ['unassigned', 'mine'] as const;

export function startNotifications(): void {
  startTabCoordinator();
  let userId: number | null = null;
  inbox.subscribe(() => {
    const state = inbox.get();
    const signedIn = state.session?.user.id ?? null;
    if (signedIn !== userId) {
      userId = signedIn;
      resetInboxAlerts();
      if (signedIn === null) resetNotificationPrefs();
      else void loadNotificationPrefs();
    }
    // After the first resume (lists load only then) and again after a resync marks them stale.
    if (signedIn === null || !state.hasConnected || state.connection !== 'open') return;
    for (const view of ALWAYS_LOADED) if (state.viewLoad[view] === undefined) void loadView(view);
  });
}
