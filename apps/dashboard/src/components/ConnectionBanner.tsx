import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';

/** Says when live updates are not flowing, so nobody trusts a stale list. */
export function ConnectionBanner() {
  const connection = useStore(inbox, (state) => state.connection);
  const hasConnected = useStore(inbox, (state) => state.hasConnected);
  return (
    <div class="connection-slot" role="status">
      {connection !== 'open' && (
        <p class="connection-banner">
          <span class="spinner" aria-hidden="true" />
          {hasConnected ? 'Reconnecting…' : 'Connecting…'}
        </p>
      )}
    </div>
  );
}
