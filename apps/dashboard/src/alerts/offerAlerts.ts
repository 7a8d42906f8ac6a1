/**
 * Sound and browser notification for new chat offers (the other inbox alerts are in
 * inboxAlerts.ts). Offers arriving together (a burst, or a replay after reconnecting) make one
 * chime; an offer resolved before the alert fires (a replay of an offer long gone) makes none.
 */
import type { PendingOffer } from '../state/inboxStore.js';
import { playChime } from './chime.js';
import { notify } from './desktopNotifications.js';
import { alertsHere } from './tabCoordinator.js';

const BATCH_MS = 150;
let queued: PendingOffer[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
const shown = new Map<number, Notification>();

export function alertNewOffers(entries: PendingOffer[]): void {
  queued.push(...entries.filter((entry) => entry.offer.expiresAt > Date.now()));
  if (queued.length === 0 || timer) return;
  timer = setTimeout(flush, BATCH_MS);
}

/** The offer is gone: no alert for it, and its notification closes. */
export function withdrawOfferAlert(offerId: number): void {
  queued = queued.filter((entry) => entry.offer.id !== offerId);
  shown.get(offerId)?.close();
  shown.delete(offerId);
}

function flush(): void {
  timer = null;
  const batch = queued;
  queued = [];
  // One chime for all my tabs: the one I look at, or the elected one, alerts.
  if (batch.length === 0 || !alertsHere()) return;
  playChime();
  for (const { offer, conversation, preview } of batch) {
    const { name, context } = conversation.visitor;
    const notification = notify({
      title: `Chat offer: ${name}`,
      body: preview || context.pageTitle || context.pageUrl || 'A visitor is waiting for an answer.',
      tag: `parley-offer-${offer.id}`,
      // The agent answers in the banner: take them straight to its Accept button.
      onClick: () => document.getElementById(offerAcceptId(offer.id))?.focus(),
    });
    if (notification) shown.set(offer.id, notification);
  }
}

/** The id of an offer's Accept button, shared with the banner. */
export function offerAcceptId(offerId: number): string {
  return `offer-${offerId}-accept`;
}
