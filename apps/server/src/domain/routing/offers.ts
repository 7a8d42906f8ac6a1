/**
 * Offers (R3, I4): a chat offered to one user at a time. The offer row is the truth — a unique
 * index allows one pending offer per conversation — and every resolution (accept, decline,
 * expiry, withdrawal) is a conditional update from `pending`, so two of them racing on two nodes
 * cannot both win.
 */
import type { ConversationSummary, OfferEntry } from '@parley/protocol';
import { sql } from 'kysely';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { OfferRow, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { setAssignee } from '../conversations/assignConversation.js';
import { loadSummary } from '../conversations/presenters.js';
import { DomainError } from '../errors.js';
import { loadUserSummary } from '../users/presenters.js';
import { drainQueue } from './drainQueue.js';
import { emitResolved, offerPreview, resolveOffer, toOffer } from './offerRecords.js';
import { scheduleDrain } from './triggers.js';

export async function acceptOffer(ctx: AppContext, user: UserRow, offerId: number): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const offer = await resolveOffer(uow, offerId, 'accepted', user.id);
    if (!offer) throw new DomainError('offer_unavailable');
    await uow.trx.updateTable('users').set({ missed_offers: 0 }).where('id', '=', user.id).execute();
    const summary = await setAssignee(uow, offer.conversation_id, null, user.id, offer.workspace_id, { fromAcceptedOffer: true });
    emitResolved(uow, offer, summary);
    return summary;
  });
}

export async function declineOffer(ctx: AppContext, user: UserRow, offerId: number): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    await ctx.storage.driver.lockRouting(uow.trx, user.workspace_id);
    const offer = await resolveOffer(uow, offerId, 'declined', user.id);
    if (!offer) throw new DomainError('offer_unavailable');
    // Declining is an answer, not a miss: the streak towards auto-away starts over.
    await uow.trx.updateTable('users').set({ missed_offers: 0 }).where('id', '=', user.id).execute();
    await backToQueue(uow, ctx, offer);
  });
}

/** The offer_expiry deadline (R3): counts a miss, maybe sets the user away, tries the next user. */
export async function expireOffer(uow: UnitOfWork, ctx: AppContext, offerId: number): Promise<void> {
  const head = await uow.trx.selectFrom('offers').select('workspace_id').where('id', '=', offerId).executeTakeFirst();
  if (!head) return;
  await ctx.storage.driver.lockRouting(uow.trx, head.workspace_id);
  const offer = await resolveOffer(uow, offerId, 'expired');
  if (!offer) return;
  const user = await uow.trx
    .updateTable('users')
    .set({ missed_offers: sql<number>`missed_offers + 1` })
    .where('id', '=', offer.user_id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (user.missed_offers >= ctx.config.awayAfterMissedOffers && user.availability === 'online') {
    await uow.trx.updateTable('users').set({ availability: 'away', away_reason: 'missed_offers', missed_offers: 0 }).where('id', '=', user.id).execute();
    uow.emit({ type: 'user.updated', workspaceId: user.workspace_id, user: await loadUserSummary(uow.trx, user.id, uow.now) });
    await withdrawOffersOfAwayUser(uow, ctx, user.workspace_id, user.id);
  }
  await backToQueue(uow, ctx, offer);
}

/**
 * A user who went away (by choice, or when the disconnect grace period ended) cannot answer
 * their offers: each chat goes back in line at once instead of ringing out its timeout, and the
 * queue is woken to find it a new home (or the fallback, when nobody is left). Withdrawn, not
 * missed: it does not count towards auto-away, and the user may be asked again once back.
 */
export async function withdrawOffersOfAwayUser(uow: UnitOfWork, ctx: AppContext, workspaceId: number, userId: number): Promise<void> {
  await ctx.storage.driver.lockRouting(uow.trx, workspaceId);
  const pending = await uow.trx.selectFrom('offers').select('id').where('user_id', '=', userId).where('status', '=', 'pending').execute();
  for (const { id } of pending) {
    const offer = await resolveOffer(uow, id, 'cancelled');
    if (offer) await requeue(uow, offer);
  }
  await scheduleDrain(uow, workspaceId, `away:${userId}:${uow.now}`);
}

async function backToQueue(uow: UnitOfWork, ctx: AppContext, offer: OfferRow): Promise<void> {
  await requeue(uow, offer);
  // The user's slot is free again and the chat needs a new home: both may move the queue.
  await drainQueue(uow, ctx.storage.driver, offer.workspace_id);
}

/** An offered chat whose offer was just resolved without an accept waits in line again. */
async function requeue(uow: UnitOfWork, offer: OfferRow): Promise<void> {
  await uow.trx
    .updateTable('conversations')
    .set({ routing_state: 'queued', version: sql<number>`version + 1`, updated_at: uow.now })
    .where('id', '=', offer.conversation_id)
    .where('status', '=', 'open')
    .where('routing_state', '=', 'offered')
    .execute();
  emitResolved(uow, offer, await loadSummary(uow.trx, offer.conversation_id));
}

/** My pending offers, oldest first, for the inbox banner after a reload. */
export async function pendingOffersFor(ctx: AppContext, userId: number): Promise<OfferEntry[]> {
  const { db } = ctx.storage;
  const rows = await db.selectFrom('offers').selectAll().where('user_id', '=', userId).where('status', '=', 'pending').orderBy('id').execute();
  return Promise.all(
    rows.map(async (row) => ({ offer: toOffer(row), conversation: await loadSummary(db, row.conversation_id), preview: await offerPreview(db, row.conversation_id) })),
  );
}
