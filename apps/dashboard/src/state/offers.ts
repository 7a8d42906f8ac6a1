/**
 * Chat offers made to me (I4, R3). They arrive as `offer.created` events, and on every resume
 * from `GET /api/offers` (a reload or a resync would otherwise lose them). `offer.resolved`
 * removes one, whoever resolved it: me in another tab, the timeout, or routing withdrawing it.
 */
import type { Offer } from '@parley/protocol';
import { api } from '../api/endpoints.js';
import { ApiError, errorText } from '../api/request.js';
import { hrefFor, navigate } from '../router.js';
import { alertNewOffers, withdrawOfferAlert } from '../alerts/offerAlerts.js';
import { scheduleCountsRefresh, upsertConversation } from './conversations.js';
import { inbox, myUserId, type PendingOffer } from './inboxStore.js';

export const OFFER_GONE_TEXT = 'This chat is no longer available.';

/**
 * If `offer.resolved` never comes (say the connection is down), an expired offer still leaves
 * after this grace; the next resume reloads the real list anyway.
 */
const EXPIRY_GRACE_MS = 5000;
const expiryTimers = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * A snapshot and the events can cross: `clock` orders when an offer was added against when a
 * snapshot was asked for, and `resolved` keeps an answer that lags behind `offer.resolved` from
 * bringing a finished offer back.
 */
let clock = 0;
const addedAt = new Map<number, number>();
const resolved = new Set<number>();

export async function loadOffers(): Promise<void> {
  const requestedAt = ++clock;
  try {
    const { offers } = await api.offers();
    const fresh = new Set(offers.map((entry) => entry.offer.id));
    // An offer that arrived by event after the request went out is not in this answer; keep it.
    for (const entry of inbox.get().offers) {
      if (!fresh.has(entry.offer.id) && (addedAt.get(entry.offer.id) ?? 0) < requestedAt) removeOffer(entry.offer.id);
    }
    addOffers(offers);
  } catch {
    // Events still bring new offers; the next resume asks again.
  }
}

/** `offer.created`: admins see offers made to others too, but only the offered user answers. */
export function applyOfferCreated(entry: PendingOffer): void {
  upsertConversation(entry.conversation);
  if (entry.offer.userId === myUserId()) addOffers([entry]);
}

export function applyOfferResolved(offer: Offer): void {
  finishOffer(offer.id);
}

/** The offer is over for good (answered, or resolved by the server). */
function finishOffer(offerId: number): void {
  resolved.add(offerId);
  removeOffer(offerId);
}

function addOffers(entries: PendingOffer[]): void {
  const held = new Set(inbox.get().offers.map((entry) => entry.offer.id));
  const added = entries.filter(
    (entry) => entry.offer.status === 'pending' && !held.has(entry.offer.id) && !resolved.has(entry.offer.id),
  );
  if (added.length === 0) return;
  for (const { offer } of added) {
    addedAt.set(offer.id, ++clock);
    const timer = setTimeout(() => removeOffer(offer.id), Math.max(0, offer.expiresAt - Date.now()) + EXPIRY_GRACE_MS);
    expiryTimers.set(offer.id, timer);
  }
  inbox.update((state) => ({
    ...state,
    offers: [...state.offers, ...added].sort((a, b) => a.offer.createdAt - b.offer.createdAt || a.offer.id - b.offer.id),
    offerNotice: null,
  }));
  alertNewOffers(added);
}

function removeOffer(offerId: number): void {
  const timer = expiryTimers.get(offerId);
  if (timer) clearTimeout(timer);
  expiryTimers.delete(offerId);
  addedAt.delete(offerId);
  withdrawOfferAlert(offerId);
  inbox.update((state) =>
    state.offers.some((entry) => entry.offer.id === offerId)
      ? { ...state, offers: state.offers.filter((entry) => entry.offer.id !== offerId) }
      : state,
  );
}

/**
 * Accept: the conversation becomes mine and opens (true). An offer that expired or was withdrawn
 * in the meantime (`offer_unavailable`) leaves with a short explanation (false). Other failures
 * are thrown for the banner to show next to its buttons.
 */
export async function acceptOffer(offerId: number): Promise<boolean> {
  try {
    const { conversation } = await api.acceptOffer(offerId);
    finishOffer(offerId);
    upsertConversation(conversation);
    scheduleCountsRefresh();
    navigate(hrefFor({ name: 'conversation', id: conversation.id }));
    focusThreadWhenShown(conversation.id);
    return true;
  } catch (error) {
    if (!(error instanceof ApiError && (error.code === 'offer_unavailable' || error.code === 'not_found'))) {
      throw new Error(errorText(error));
    }
    finishOffer(offerId);
    inbox.update((state) => ({ ...state, offerNotice: OFFER_GONE_TEXT }));
    return false;
  }
}

/** Decline: routing tries the next user. An offer that is gone already needs no answer. */
export async function declineOffer(offerId: number): Promise<void> {
  try {
    await api.declineOffer(offerId);
  } catch (error) {
    if (!(error instanceof ApiError && (error.code === 'offer_unavailable' || error.code === 'not_found'))) {
      throw new Error(errorText(error));
    }
  }
  finishOffer(offerId);
}

export function dismissOfferNotice(): void {
  inbox.update((state) => (state.offerNotice ? { ...state, offerNotice: null } : state));
}

/** Signing out drops every offer timer and alert with the offers. */
export function resetOffers(): void {
  for (const offerId of [...expiryTimers.keys()]) removeOffer(offerId);
  resolved.clear();
}

/**
 * The banner's buttons disappear on accept: move keyboard focus to the opened thread's heading
 * once that thread is on screen (not the heading of the thread shown before).
 */
function focusThreadWhenShown(conversationId: number, framesLeft = 120): void {
  requestAnimationFrame(() => {
    const thread = inbox.get().thread;
    const heading = document.getElementById('thread-title');
    if (thread?.conversationId === conversationId && thread.status === 'ready' && heading) {
      if (document.activeElement === document.body || document.activeElement === null) heading.focus();
      return;
    }
    if (framesLeft > 0) focusThreadWhenShown(conversationId, framesLeft - 1);
  });
}
