/**
 * Browser notifications (I4, I8). Permission can only be asked from a user gesture: the sign-in
 * banner's and the Notifications page's "Enable notifications" buttons ask, and so does switching
 * to Available, the moment chats start reaching the agent.
 */
import { createStore } from '../state/store.js';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export type PermissionState = NotificationPermission | 'unsupported';

/** The permission as last seen, so the banner and the page follow an answer given anywhere. */
export const notificationPermissionState = createStore<PermissionState>(supported() ? Notification.permission : 'unsupported');

export function notificationPermission(): PermissionState {
  const now = supported() ? Notification.permission : 'unsupported';
  notificationPermissionState.update(() => now);
  return now;
}

/** Call from a click or key handler. Asks while undecided; a refusal is the agent's answer. */
export async function requestNotificationPermission(): Promise<PermissionState> {
  if (!supported() || Notification.permission !== 'default') return notificationPermission();
  try {
    await Notification.requestPermission();
  } catch {
    // Old Safari takes a callback instead of returning a promise; the state below says what happened.
  }
  return notificationPermission();
}

export function askNotificationPermission(): void {
  void requestNotificationPermission();
}

/**
 * Shows a notification when allowed. Clicking it brings the inbox tab forward and runs
 * `onClick`. Returns it so the caller can close it when it stops being true.
 */
export function notify(options: { title: string; body: string; tag: string; onClick?: () => void }): Notification | null {
  if (!supported() || Notification.permission !== 'granted') return null;
  try {
    const notification = new Notification(options.title, { body: options.body, tag: options.tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
      options.onClick?.();
    };
    return notification;
  } catch {
    // Some mobile browsers only notify through a service worker; the banner is still there.
    return null;
  }
}
