/**
 * After sign-in, while the browser has not been asked (permission 'default'): a line offering to
 * turn on browser notifications (I8). "Enable notifications" asks the browser (a click is the
 * gesture it needs); "Not now" hides it for good in this browser.
 */
import { useState } from 'preact/hooks';
import { notificationPermissionState, requestNotificationPermission } from '../../alerts/desktopNotifications.js';
import { useStore } from '../../state/store.js';
import '../../styles/notifications.css';

const DISMISSED_KEY = 'parley.inbox.notificationBannerDismissed';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function NotificationPermissionBanner() {
  const permission = useStore(notificationPermissionState, (state) => state);
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (permission !== 'default' || dismissed) return null;

  function dismiss() {
    setDismissed(true);
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Not remembered then; it asks again next time, which is harmless.
    }
  }

  return (
    <section class="notify-banner" aria-label="Browser notifications">
      <p>Get a notification when a chat starts, is assigned to you or a visitor writes to you, even while this tab is in the background.</p>
      <div class="notify-banner-actions">
        <button type="button" class="button primary small" onClick={() => void requestNotificationPermission()}>
          Enable notifications
        </button>
        <button type="button" class="button small" onClick={dismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}
