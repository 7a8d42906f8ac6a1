/**
 * Browser notifications (I4, I8). Permission can only be asked from a user gesture, so the
 * inbox asks when the agent switches to Available, the moment chats start reaching them.
 */

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return supported() ? Notification.permission : 'unsupported';
}

/** Call from a click or key handler. Asks once; a refusal is the agent's answer. */
export function askNotificationPermission(): void {
  if (!supported() || Notification.permission !== 'default') return;
  try {
    Notification.requestPermission().catch(() => {});
  } catch {
    // Old Safari takes a callback instead of returning a promise; nothing to do either way.
  }
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
