/**
 * My notification choices (I8) as the inbox holds them: loaded after sign-in, saved from the
 * Notifications page, and passed to my other tabs at once (BroadcastChannel) so a kind turned off
 * stays quiet everywhere. Until the first load answers, the defaults apply.
 */
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesResponse,
} from '@parley/protocol';
import { request } from '../api/request.js';
import { createStore } from '../state/store.js';

export const notificationPrefs = createStore<NotificationPreferences>(DEFAULT_NOTIFICATION_PREFERENCES);

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('parley-notification-prefs');
channel?.addEventListener('message', (event: MessageEvent<NotificationPreferences>) => notificationPrefs.update(() => event.data));

export async function loadNotificationPrefs(): Promise<void> {
  try {
    const { preferences } = await request<NotificationPreferencesResponse>('GET', '/api/me/notifications');
    notificationPrefs.update(() => preferences);
  } catch {
    // The defaults keep alerting; the next sign-in or resume asks again.
  }
}

/** Saves the whole set; throws ApiError for the page to show. */
export async function saveNotificationPrefs(preferences: NotificationPreferences): Promise<NotificationPreferences> {
  const saved = (await request<NotificationPreferencesResponse>('PUT', '/api/me/notifications', { body: preferences })).preferences;
  notificationPrefs.update(() => saved);
  channel?.postMessage(saved);
  return saved;
}

export function resetNotificationPrefs(): void {
  notificationPrefs.update(() => DEFAULT_NOTIFICATION_PREFERENCES);
}

export function wantsBrowser(kind: NotificationKind): boolean {
  return notificationPrefs.get().browser[kind];
}

export function wantsSound(kind: NotificationKind): boolean {
  return notificationPrefs.get().sound[kind];
}
