/**
 * Offer rows and their resolution. Every resolution is a conditional update from `pending`, so
 * two racing resolutions (accept on one node, expiry on another) cannot both win.
 */
import { LIMITS, type ChatflowRouting, type ConversationSummary, type Offer } from '@parley/protocol';
import { sql, type Kysely } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import type { Database, OfferRow } from '../../storage/schema.js';
import { loadSummary } from '../conversations/presenters.js';
import { cancelDeadline, deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';

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

export async function createOffer(uow: UnitOfWork, conversationId: number, userId: number, routing: ChatflowRouting): Promise<void> {
  const { trx, now } = uow;
  const conversation = await trx
    .updateTable('conversations')
    .set({ routing_state: 'offered', queue_position: null, queue_wait_seconds: null, version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', conversationId)
    .returning('workspace_id')
    .executeTakeFirstOrThrow();
  const offer = await trx
    .insertInto('offers')
    .values({
      workspace_id: conversation.workspace_id,
      conversation_id: conversationId,
      user_id: userId,
      status: 'pending',
      created_at: now,
      expires_at: now + routing.acceptTimeoutSeconds * 1000,
      resolved_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scheduleDeadline(
    trx,
    { key: deadlineKeys.offerExpiry(offer.id), kind: 'offer_expiry', workspaceId: conversation.workspace_id, dueAt: offer.expires_at, payload: { offerId: offer.id } },
    now,
  );
  const summary = await loadSummary(trx, conversationId);
  uow.emit({ type: 'conversation.updated', workspaceId: conversation.workspace_id, conversation: summary });
  uow.emit({ type: 'offer.created', workspaceId: conversation.workspace_id, offer: toOffer(offer), conversation: summary, preview: await offerPreview(trx, conversationId) });
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
  if (!row) return null;
  const text = row.body.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  const max = LIMITS.offerPreviewMaxLength;
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

