import type { ConversationSummary, Offer } from '@parley/protocol';
import { useId, useState } from 'preact/hooks';
import { offerAcceptId } from '../alerts/offerAlerts.js';
import { formatCountdown, useCountdown } from '../hooks/useCountdown.js';
import { acceptOffer, declineOffer } from '../state/offers.js';
import { refocusAfterCardGone } from './offerFocus.js';

/**
 * One chat offered to me: who, what they wrote, on which page, how long is left, and Accept /
 * Decline. Visitor data is shown as text only.
 */
export function OfferCard({ offer, conversation, preview }: { offer: Offer; conversation: ConversationSummary; preview: string | null }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const secondsLeft = useCountdown(offer.createdAt, offer.expiresAt);
  const titleId = useId();
  const { visitor } = conversation;
  const page = visitor.context.pageTitle || visitor.context.pageUrl;

  async function answer(action: 'accept' | 'decline') {
    setBusy(true);
    setError(null);
    try {
      if (action === 'decline') await declineOffer(offer.id);
      // An opened chat takes focus itself; otherwise the card is gone with its buttons.
      if (action === 'decline' || !(await acceptOffer(offer.id))) refocusAfterCardGone();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Something went wrong.');
      setBusy(false);
    }
  }

  return (
    <article class="offer" aria-labelledby={titleId}>
      <div class="offer-text">
        <p id={titleId} class="offer-title">
          Chat offer: <span class="offer-visitor">{visitor.name}</span>
        </p>
        {preview && <p class="offer-preview">“{preview}”</p>}
        <p class="offer-page" title={visitor.context.pageUrl ?? undefined}>
          {page ? `On ${page}` : 'Page unknown'}
        </p>
        {visitor.context.language && <p class="offer-language">Language: {visitor.context.language}</p>}
      </div>
      <p class="offer-timer">
        {secondsLeft > 0 ? 'Expires in ' : ''}
        <span role="timer" class="offer-countdown">
          {secondsLeft > 0 ? formatCountdown(secondsLeft) : 'Time is up'}
        </span>
      </p>
      <div class="offer-actions">
        <button
          type="button"
          id={offerAcceptId(offer.id)}
          data-offer-accept
          class="button primary"
          aria-disabled={busy}
          onClick={() => busy || void answer('accept')}
        >
          Accept
        </button>
        <button type="button" class="button" aria-disabled={busy} onClick={() => busy || void answer('decline')}>
          Decline
        </button>
      </div>
      {error && (
        <p class="form-error offer-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
