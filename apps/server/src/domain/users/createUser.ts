/**
 * Admins add users: with a password (ready to sign in) or without (a one-time invite link the
 * new user opens to choose a password).
 */
import type { UserRole } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import { hashPassword, hashToken, newToken } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertAcceptablePassword } from './passwordPolicy.js';
import { toUserSummary } from './presenters.js';

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewUser {
  workspaceId: number;
  email: string;
  name: string;
  role: UserRole;
  password?: string;
}

export async function createUser(ctx: AppContext, input: NewUser): Promise<{ user: UserRow; inviteToken: string | null }> {
  const email = input.email.trim().toLowerCase();
  if (input.name.trim() === '') throw new DomainError('validation_failed', 'name must not be blank');
  if (input.password !== undefined) assertAcceptablePassword(input.password);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await inTransaction(ctx, async ({ trx, now, emit }) => {
      const user = await trx
        .insertInto('users')
        .values({
          workspace_id: input.workspaceId,
          email,
          name: input.name.trim(),
          avatar_url: null,
          role: input.role,
          password_hash: passwordHash,
          availability: 'away',
          max_chats: 10,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      let inviteToken: string | null = null;
      if (!passwordHash) {
        inviteToken = newToken();
        await trx
          .insertInto('invites')
          .values({ token_hash: hashToken(inviteToken), user_id: user.id, created_at: now, expires_at: now + INVITE_TTL_MS, accepted_at: null })
          .execute();
      }
      emit({ type: 'user.updated', workspaceId: input.workspaceId, user: toUserSummary(user) });
      return { user, inviteToken };
    });
  } catch (error) {
    if (ctx.storage.driver.isUniqueViolation(error)) throw new DomainError('email_taken');
    throw error;
  }
}

/** Sets the invited user's password and consumes the invite; returns the user to sign in. */
export async function acceptInvite(ctx: AppContext, token: string, password: string): Promise<UserRow> {
  // Checked before the invite is claimed, so a refused password leaves the link usable.
  assertAcceptablePassword(password);
  const passwordHash = await hashPassword(password);
  return ctx.storage.db.transaction().execute(async (trx) => {
    const now = ctx.clock();
    const invite = await trx
      .selectFrom('invites')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!invite || invite.accepted_at !== null || invite.expires_at <= now) throw new DomainError('invite_invalid');
    const claimed = await trx
      .updateTable('invites')
      .set({ accepted_at: now })
      .where('id', '=', invite.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('invite_invalid');
    return trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', invite.user_id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
