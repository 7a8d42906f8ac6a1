/**
 * I1, a user's own profile: their name, their password, and their other sessions. Other people's
 * accounts are the admin's (updateUser.ts). A password change or "sign out of all other sessions"
 * deletes every session of the user except the one asking, so a leaked cookie stops working the
 * moment the owner reacts; the caller then signals open sockets to re-check (sessionSignals.ts).
 */
import type { UserSummary } from '@parley/protocol';
import { PROFILE_NAME_MAX_LENGTH } from '@parley/protocol/schemas';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { hashPassword, hashToken, verifyPassword } from '../auth/secrets.js';
import { assertAcceptablePassword } from './passwordPolicy.js';
import { loadUserSummary } from './presenters.js';

/** Renames the user; other inbox tabs (theirs and colleagues') learn it from `user.updated`. */
export async function renameSelf(ctx: AppContext, user: UserRow, rawName: string): Promise<UserSummary> {
  const name = rawName.trim();
  if ([...name].length < 1 || [...name].length > PROFILE_NAME_MAX_LENGTH) {
    throw new DomainError('validation_failed', `name must be 1–${PROFILE_NAME_MAX_LENGTH} characters`);
  }
  return inTransaction(ctx, async (uow) => {
    await uow.trx.updateTable('users').set({ name }).where('id', '=', user.id).execute();
    const summary = await loadUserSummary(uow.trx, user.id, uow.now);
    uow.emit({ type: 'user.updated', workspaceId: user.workspace_id, user: summary });
    return summary;
  });
}

/**
 * Checks the current password, then the new one against the password rules, before anything is
 * written; on success stores the new hash and ends every other session of the user.
 */
export async function changeOwnPassword(ctx: AppContext, user: UserRow, sessionToken: string, currentPassword: string, newPassword: string): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) throw new DomainError('wrong_current_password');
  assertAcceptablePassword(newPassword);
  const hash = await hashPassword(newPassword);
  await ctx.storage.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('token_hash', '!=', hashToken(sessionToken)).execute();
  });
}

/** "Sign out of all other sessions": every session of the user but this one ends; returns how many. */
export async function revokeOtherSessions(ctx: AppContext, user: UserRow, sessionToken: string): Promise<number> {
  const ended = await ctx.storage.db
    .deleteFrom('sessions')
    .where('user_id', '=', user.id)
    .where('token_hash', '!=', hashToken(sessionToken))
    .executeTakeFirst();
  return Number(ended.numDeletedRows);
}
