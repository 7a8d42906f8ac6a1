import { useState } from 'preact/hooks';
import { askNotificationPermission } from '../alerts/desktopNotifications.js';
import { api } from '../api/endpoints.js';
import { errorText } from '../api/request.js';
import { applyUserUpdate, inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';

/**
 * Online / away. Shows the server's truth: it flips when the server confirms, and also when
 * another tab, the away-after-disconnect rule or missed offers change it (user.updated events).
 */
export function AvailabilitySwitch() {
  const availability = useStore(inbox, (state) => state.session?.user.availability ?? 'away');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const online = availability === 'online';

  async function toggle() {
    // Chats start reaching me now, and this click is the gesture a permission prompt needs.
    if (!online) askNotificationPermission();
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.setAvailability(online ? 'away' : 'online');
      applyUserUpdate(user);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="availability">
      <button
        type="button"
        role="switch"
        aria-checked={online}
        aria-busy={busy}
        class="switch"
        // Not `disabled` while saving: that would throw keyboard focus out of the switch.
        onClick={() => busy || void toggle()}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
        <span>Available</span>
      </button>
      <p class="availability-state">{online ? 'Online: new chats can reach you' : 'Away: no new chats'}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
