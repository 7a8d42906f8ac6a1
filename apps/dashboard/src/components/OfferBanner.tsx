import { useEffect, useRef, useState } from 'preact/hooks';
import { inbox, type PendingOffer } from '../state/inboxStore.js';
import { dismissOfferNotice } from '../state/offers.js';
import { useStore } from '../state/store.js';
import { OfferCard } from './OfferCard.js';

/**
 * The offers waiting for my answer (I4), stacked oldest first at the top of the inbox, and the
 * line that says when an accepted chat was gone already. Screen readers hear each new offer once
 * through a live region that is always in the page (a region inserted with its text is often
 * not read out); the countdowns stay silent. The notice has its own always-present status slot.
 */
export function OfferBanner() {
  const offers = useStore(inbox, (state) => state.offers);
  const notice = useStore(inbox, (state) => state.offerNotice);
  const conversations = useStore(inbox, (state) => state.conversations);
  const announcement = useAnnouncement(offers);

  return (
    <>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
      {offers.length > 0 && (
        <section class="offers" aria-label="Chat offers">
          <ul class="offer-list">
            {offers.map(({ offer, conversation, preview }) => {
              // The live copy may be newer (the visitor moved to another page).
              const live = conversations.get(conversation.id);
              const shown = live && live.version >= conversation.version ? live : conversation;
              return (
                <li key={offer.id}>
                  <OfferCard offer={offer} conversation={shown} preview={preview} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div class="offer-notice-slot" role="status">
        {notice && (
          <p class="offer-notice">
            <span>{notice}</span>
            <button type="button" class="button small" aria-label="Dismiss offer notice" onClick={dismissOfferNotice}>
              Dismiss
            </button>
          </p>
        )}
      </div>
    </>
  );
}

function useAnnouncement(offers: PendingOffer[]): string {
  const [text, setText] = useState('');
  const announced = useRef(new Set<number>());
  useEffect(() => {
    const fresh = offers.filter(({ offer }) => !announced.current.has(offer.id));
    announced.current = new Set(offers.map(({ offer }) => offer.id));
    if (fresh.length === 1) setText(`New chat offer from ${fresh[0].conversation.visitor.name}.`);
    else if (fresh.length > 1) setText(`${fresh.length} new chat offers.`);
  }, [offers]);
  return text;
}
