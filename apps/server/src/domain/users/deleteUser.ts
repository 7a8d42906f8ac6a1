/**
 * I1: an admin deletes a user. The row stays (with `deleted_at`), because the user's messages and
 * past assignments point at it and threads must keep showing who wrote what: the name is kept,
 * the email becomes an unroutable placeholder (so the address can be invited again and no email
 * reaches it), the password and avatar are cleared. `deactivated_at` is set as well, so every
 * rule that keeps deactivated users out (sign-in, sockets, routing, branding) keeps them out too.
 * Like deactivation, their sessions end and pending offers move on; beyond it, their open chats
 * go back to Unassigned and are routed again. Nobody can delete themselves or the last admin.
 */
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { setAssignee } from '../conversations/assignConversation.js';
import { withdrawOffersOfAwayUser } from '../routing/offers.js';
import { scheduleDrain } from '../routing/triggers.js';
import { loadUserSummary } from './presenters.js';

/** `.invalid` is reserved (RFC 2606): nothing can ever be delivered there. */
export function deletedEmail(userId: number): string {
  return `deleted-user-${userId}@deleted.invalid`;
}

export async function deleteUser(ctx: AppContext, admin: UserRow, userId: number): Promise<void> {
  if (userId === admin.id) throw new DomainError('cannot_delete_self');
  await inTransaction(ctx, async (uow) => {
    const { trx, now } = uow;
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .where('workspace_id', '=', admin.workspace_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!user) throw new DomainError('not_found');
    if (user.role === 'admin' && user.deactivated_at === null) {
      const admins = await trx
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', admin.workspace_id)
        .where('role', '=', 'admin')
        .where('deactivated_at', 'is', null)
        .execute();
      // A workspace must keep someone who can manage it.
      if (admins.length <= 1) throw new DomainError('validation_failed', 'the last admin cannot be deleted');
    }
    await trx
      .updateTable('users')
      .set({
        email: deletedEmail(userId),
        password_hash: null,
        avatar_url: null,
        availability: 'away',
        deactivated_at: user.deactivated_at ?? now,
        deleted_at: now,
      })
      .where('id', '=', userId)
      .execute();
    // Signed out everywhere in this transaction; sockets re-check when `user.updated` reaches them.
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await trx.deleteFrom('invites').where('user_id', '=', userId).execute();
    await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute();
    await trx.deleteFrom('team_members').where('user_id', '=', userId).execute();
    await withdrawOffersOfAwayUser(uow, ctx, admin.workspace_id, userId);
    const open = await trx
      .selectFrom('conversations')
      .select('id')
      .where('workspace_id', '=', admin.workspace_id)
      .where('assignee_id', '=', userId)
      .where('status', '=', 'open')
      .orderBy('id')
      .execute();
    // Back to Unassigned, announced per chat like a hand-made unassignment, and into routing again.
    for (const { id } of open) await setAssignee(uow, id, userId, null, admin.workspace_id);
    const summary = await loadUserSummary(trx, userId, now);
    uow.emit({ type: 'user.updated', workspaceId: admin.workspace_id, user: summary });
    await scheduleDrain(uow, admin.workspace_id, `user-deleted:${userId}:${now}`);
  });
}
