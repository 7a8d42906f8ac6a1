import { dismissAutoAway, inbox, type AutoAwayReason } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';

export const AUTO_AWAY_TEXT: Record<AutoAwayReason, string> = {
  missed_offers: 'You were set to Away because you missed chat offers in a row.',
  disconnected: 'You were set to Away after your inbox lost its connection.',
};

/**
 * Says why Parley switched me to Away (I2, R3), so a quiet inbox is not a mystery. The status
 * region is always in the page so the text is read out when it appears.
 */
export function AwayNotice() {
  const reason = useStore(inbox, (state) => state.autoAway);
  return (
    <div class="away-slot" role="status">
      {reason && (
        <p class="away-notice">
          <span>{AUTO_AWAY_TEXT[reason]}</span> <span>Switch Available back on to receive chats again.</span>
          <button type="button" class="button small" aria-label="Dismiss away notice" onClick={dismissAutoAway}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
