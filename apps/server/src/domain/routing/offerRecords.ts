/**
 * Offer rows and their resolution. Every resolution is a conditional update from `pending`, so
 * two racing resolutions (accept on one node, expiry on another) cannot both win.
 */
import { LIMITS, type ChatflowRouting, type ConversationSummary, type Offer } from '@parley/protocol';
import { sql, type Kysely } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import type { Database, OfferRow } from '../../storage/schema.js';
import { loadSummary, summaryQuery, toSummary } from '../conversations/presenters.js';
import { cancelDeadline, deadlineKeys, scheduleNewDeadlines } from '../deadlines/deadlineStore.js';

export function toOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    userId: row.user_id,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    resolvedAt: row.resolved_at,
  };
}

/** Moves a pending offer to its final status; null when it was no longer pending. */
export async function resolveOffer(uow: UnitOfWork, offerId: number, status: Exclude<Offer['status'], 'pending'>, userId?: number): Promise<OfferRow | null> {
  let update = uow.trx
    .updateTable('offers')
    .set({ status, resolved_at: uow.now })
    .where('id', '=', offerId)
    .where('status', '=', 'pending');
  if (userId !== undefined) update = update.where('user_id', '=', userId);
  const row = await update.returningAll().executeTakeFirst();
  if (!row) return null;
  await cancelDeadline(uow.trx, deadlineKeys.offerExpiry(offerId));
  return row;
}

export function emitResolved(uow: UnitOfWork, offer: OfferRow, conversation: ConversationSummary): void {
  uow.emit({ type: 'offer.resolved', workspaceId: offer.workspace_id, offer: toOffer(offer), conversation });
}

/** Closing or assigning by hand withdraws a pending offer (its banner disappears). */
export async function withdrawOffers(uow: UnitOfWork, conversationId: number): Promise<void> {
  const pending = await uow.trx.selectFrom('offers').select('id').where('conversation_id', '=', conversationId).where('status', '=', 'pending').execute();
  for (const { id } of pending) {
    const offer = await resolveOffer(uow, id, 'cancelled');
    if (offer) emitResolved(uow, offer, await loadSummary(uow.trx, conversationId));
  }
}

export interface Placement {
  conversationId: number;
  userId: number;
  routing: ChatflowRouting;
}

/**
 * Offers every chat a drain placed, with one statement per step for all of them: the drain runs
 * under the workspace routing lock, so its length is what limits how many chats a second a
 * workspace can route.
 */
export async function createOffers(uow: UnitOfWork, workspaceId: number, placements: Placement[]): Promise<void> {
  if (placements.length === 0) return;
  const { trx, now } = uow;
  const ids = placements.map((p) => p.conversationId);
  await trx
    .updateTable('conversations')
    .set({ routing_state: 'offered', queue_position: null, queue_wait_seconds: null, version: sql<number>`version + 1`, updated_at: now })
    .where('id', 'in', ids)
    .execute();
  const offers = await trx
    .insertInto('offers')
    .values(
      placements.map((p) => ({
        workspace_id: workspaceId,
        conversation_id: p.conversationId,
        user_id: p.userId,
        status: 'pending' as const,
        created_at: now,
        expires_at: now + p.routing.acceptTimeoutSeconds * 1000,
        resolved_at: null,
      })),
    )
    .returningAll()
    .execute();
  await scheduleNewDeadlines(
    trx,
    offers.map((offer) => ({ key: deadlineKeys.offerExpiry(offer.id), kind: 'offer_expiry' as const, workspaceId, dueAt: offer.expires_at, payload: { offerId: offer.id } })),
    now,
  );
  const summaries = new Map((await summaryQuery(trx).where('conversations.id', 'in', ids).execute()).map((row) => [row.id, toSummary(row)]));
  const previews = await offerPreviews(trx, ids);
  for (const offer of offers.sort((a, b) => a.id - b.id)) {
    const summary = summaries.get(offer.conversation_id)!;
    uow.emit({ type: 'conversation.updated', workspaceId, conversation: summary });
    uow.emit({ type: 'offer.created', workspaceId, offer: toOffer(offer), conversation: summary, preview: previews.get(offer.conversation_id) ?? null });
  }
}

/** offerPreview for many conversations in one query. */
async function offerPreviews(db: Kysely<Database>, conversationIds: number[]): Promise<Map<number, string | null>> {
  const rows = await db
    .selectFrom('conversations')
    .select((eb) => [
      'conversations.id',
      eb
        .selectFrom('messages')
        .select('messages.body')
        .whereRef('messages.conversation_id', '=', 'conversations.id')
        .where('messages.author_kind', '=', 'visitor')
        .orderBy('messages.seq', 'desc')
        .limit(1)
        .as('body'),
    ])
    .where('conversations.id', 'in', conversationIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.body === null ? null : shortenPreview(row.body)]));
}

/** What the chat is about, for the offer banner: the visitor's latest message, shortened. */
export async function offerPreview(db: Kysely<Database>, conversationId: number): Promise<string | null> {
  const row = await db
    .selectFrom('messages')
    .select('body')
    .where('conversation_id', '=', conversationId)
    .where('author_kind', '=', 'visitor')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? shortenPreview(row.body) : null;
}

function shortenPreview(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  const max = LIMITS.offerPreviewMaxLength;
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

