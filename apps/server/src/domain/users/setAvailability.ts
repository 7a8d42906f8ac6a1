import type { Availability, UserSummary } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { withdrawOffersOfAwayUser } from '../routing/offers.js';
import { scheduleDrain } from '../routing/triggers.js';
import { loadUserSummary } from './presenters.js';

/**
 * I2: the user's own online/away switch. Either way the queue is woken: going online may let
 * waiting chats move (there may be chats waiting for exactly this user); going away hands the
 * user's pending offers on, and may leave a waiting chat with nobody it could ever reach, which
 * then gets the fallback instead of waiting in a line nobody serves. Both reset the missed-offer
 * streak.
 */
export async function setAvailability(ctx: AppContext, userId: number, availability: Availability): Promise<UserSummary> {
  return inTransaction(ctx, async (uow) => {
    const user = await uow.trx
      .updateTable('users')
      .set({ availability, away_reason: availability === 'away' ? 'manual' : null, missed_offers: 0 })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const summary = await loadUserSummary(uow.trx, userId, uow.now);
    uow.emit({ type: 'user.updated', workspaceId: user.workspace_id, user: summary });
    if (availability === 'online') await scheduleDrain(uow, user.workspace_id, `user:${userId}:${uow.now}`);
    else await withdrawOffersOfAwayUser(uow, ctx, user.workspace_id, userId);
    return summary;
  });
}
