import type { Availability, UserSummary } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { toUserSummary } from './presenters.js';

/** I2: online/away is stored and broadcast to the workspace; routing reads it (next issue). */
export async function setAvailability(ctx: AppContext, userId: number, availability: Availability): Promise<UserSummary> {
  return inTransaction(ctx, async ({ trx, emit }) => {
    const user = await trx
      .updateTable('users')
      .set({ availability })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const summary = toUserSummary(user);
    emit({ type: 'user.updated', workspaceId: user.workspace_id, user: summary });
    return summary;
  });
}
