/**
 * I1, password reset by email. Asking never says whether the address has an account (the route
 * answers 202 before any of this runs); an active account gets a link with a 256-bit token valid
 * for one hour, stored hashed. Confirming spends the token (and every other unspent link of the
 * user), sets the new password and ends every session of the user, like a password change.
 */
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { hashPassword, hashToken, newToken } from '../auth/secrets.js';
import { assertAcceptablePassword } from './passwordPolicy.js';

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/**
 * Unspent links a user may hold at once: the per-address rate limit alone would let someone with
 * many addresses fill a victim's mailbox. Further requests are dropped (silently, like all others).
 */
export const MAX_OPEN_RESETS_PER_USER = 3;

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/inbox/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * Mails a reset link when `email` belongs to an active account; otherwise does nothing. Returns
 * whether a link was mailed (for logs and tests; never shown to the asker).
 */
export async function requestPasswordReset(ctx: AppContext, rawEmail: string): Promise<boolean> {
  const email = rawEmail.trim().toLowerCase();
  const db = ctx.storage.db;
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('email', '=', email)
    .where('deactivated_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) return false;
  if (ctx.config.smtpUrl === null) {
    ctx.log.warn({ userId: user.id }, 'a password reset was asked for, but email is not configured (SMTP_URL unset): no link sent');
    return false;
  }
  const now = ctx.clock();
  const open = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  if (Number(open.n) >= MAX_OPEN_RESETS_PER_USER) {
    ctx.log.warn({ userId: user.id }, 'password reset: too many open links for this user; not sending another');
    return false;
  }
  const token = newToken();
  await db
    .insertInto('password_resets')
    .values({ token_hash: hashToken(token), user_id: user.id, created_at: now, expires_at: now + PASSWORD_RESET_TTL_MS, used_at: null })
    .execute();
  const link = resetLink(ctx.config.publicUrl, token);
  await ctx.mailer.send({
    to: [user.email],
    subject: 'Reset your Parley password',
    text:
      `Hello ${user.name},\n\n` +
      `Someone (hopefully you) asked to reset the password of your Parley account. Open this link within one hour to choose a new password:\n\n` +
      `${link}\n\n` +
      `The link works once. If you did not ask for this, ignore this email: your password stays as it is.\n`,
  });
  return true;
}

/**
 * Sets a new password from a reset link. Unknown, spent or expired tokens (and tokens of a user
 * deactivated meanwhile) are `reset_token_invalid` and change nothing; a refused password is
 * checked first, so the link stays usable. Returns the user whose sessions ended.
 */
export async function confirmPasswordReset(ctx: AppContext, token: string, password: string): Promise<{ userId: number; workspaceId: number }> {
  assertAcceptablePassword(password);
  const passwordHash = await hashPassword(password);
  return ctx.storage.db.transaction().execute(async (trx) => {
    const now = ctx.clock();
    const reset = await trx
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.user_id')
      .select(['password_resets.id', 'password_resets.user_id', 'password_resets.expires_at', 'password_resets.used_at', 'users.workspace_id', 'users.deactivated_at'])
      .where('password_resets.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!reset || reset.used_at !== null || reset.expires_at <= now || reset.deactivated_at !== null) throw new DomainError('reset_token_invalid');
    // Conditional on still being unspent: of two confirms racing, exactly one wins.
    const claimed = await trx.updateTable('password_resets').set({ used_at: now }).where('id', '=', reset.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('reset_token_invalid');
    // Any other link mailed earlier is spent too: the password it would reset is already new.
    await trx.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', reset.user_id).where('used_at', 'is', null).execute();
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', reset.user_id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
    return { userId: reset.user_id, workspaceId: reset.workspace_id };
  });
}
