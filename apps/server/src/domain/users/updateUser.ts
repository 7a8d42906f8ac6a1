/**
 * A3: an admin changes a user's name, role, skills, capacity or extra grants (`chatflows:edit`,
 * checked against the stored row on every request, and open sockets refresh on `user.updated`). Raising capacity may let queued
 * chats move, so the queue is woken. Deactivating (`active: false`) ends the user's sessions and
 * hands their pending offers on; their open sockets close when they see the `user.updated` row.
 */
import { PERMISSIONS, type UpdateUserRequest, type UserSummary } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { normalizeSkill } from '../routing/routingPool.js';
import { scheduleDrain } from '../routing/triggers.js';
import { withdrawOffersOfAwayUser } from '../routing/offers.js';
import { loadUserSummary } from './presenters.js';

export async function updateUser(ctx: AppContext, admin: UserRow, userId: number, input: UpdateUserRequest): Promise<UserSummary> {
  if (input.name !== undefined && input.name.trim() === '') throw new DomainError('validation_failed', 'name must not be blank');
  return inTransaction(ctx, async (uow) => {
    const user = await uow.trx.selectFrom('users').selectAll().where('id', '=', userId).where('workspace_id', '=', admin.workspace_id).executeTakeFirst();
    if (!user) throw new DomainError('not_found');
    if ((input.role === 'agent' || input.active === false) && user.role === 'admin' && user.deactivated_at === null) {
      const admins = await uow.trx
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', admin.workspace_id)
        .where('role', '=', 'admin')
        .where('deactivated_at', 'is', null)
        .execute();
      // A workspace must keep someone who can manage it.
      if (admins.length <= 1) throw new DomainError('validation_failed', 'the last admin cannot become an agent or be deactivated');
    }
    const skills = input.skills === undefined ? undefined : [...new Set(input.skills.map(normalizeSkill).filter((s) => s.length > 0))];
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(skills !== undefined ? { skills: JSON.stringify(skills) } : {}),
      ...(input.maxChats !== undefined ? { max_chats: input.maxChats } : {}),
      ...(input.permissions !== undefined ? { permissions: JSON.stringify(PERMISSIONS.filter((p) => input.permissions!.includes(p))) } : {}),
      ...(input.active !== undefined ? { deactivated_at: input.active ? null : (user.deactivated_at ?? uow.now) } : {}),
    };
    // An empty body changes nothing: answer with the user as it is (an UPDATE needs a SET), and
    // announce nothing, since nobody's view of the user changed.
    if (Object.keys(changes).length === 0) return loadUserSummary(uow.trx, userId, uow.now);
    await uow.trx.updateTable('users').set(changes).where('id', '=', userId).execute();
    if (input.active === false) {
      // Signed out everywhere in this transaction; sockets re-check when the event below reaches them.
      await uow.trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await withdrawOffersOfAwayUser(uow, ctx, admin.workspace_id, userId);
    }
    const summary = await loadUserSummary(uow.trx, userId, uow.now);
    uow.emit({ type: 'user.updated', workspaceId: admin.workspace_id, user: summary });
    await scheduleDrain(uow, admin.workspace_id, `user-settings:${userId}:${uow.now}`);
    return summary;
  });
}
