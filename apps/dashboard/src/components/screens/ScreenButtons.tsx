/**
 * Moving between a phone's inbox screens (list → thread → details). Each is a route, so the
 * browser's Back does the same as these buttons; they are hidden where the screens sit side by
 * side (see screens.css).
 */
import { hrefFor, navigate, returnTo } from '../../router.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';

function BackButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="button subtle back-button" onClick={onClick}>
      <span aria-hidden="true">‹ </span>
      Back<span class="visually-hidden"> {label}</span>
    </button>
  );
}

/** From a conversation back to the list it was opened from (the selected view). */
export function BackToList() {
  const view = useStore(inbox, (state) => state.selectedView);
  return <BackButton label="to conversations" onClick={() => returnTo(hrefFor({ name: 'view', view }))} />;
}

/** From the visitor's details back to their conversation. */
export function BackToThread({ conversationId }: { conversationId: number }) {
  return <BackButton label="to the conversation" onClick={() => returnTo(hrefFor({ name: 'conversation', id: conversationId }))} />;
}

export function DetailsButton({ conversationId }: { conversationId: number }) {
  return (
    <button
      type="button"
      class="button details-button"
      onClick={() => navigate(hrefFor({ name: 'conversation', id: conversationId, details: true }))}
    >
      Details
    </button>
  );
}
