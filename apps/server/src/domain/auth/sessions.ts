/**
 * Inbox sign-in: email + password → session token (cookie). Sessions are rows, so signing out
 * works on every node and a restart keeps people signed in.
 */
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import type { UserRow } from '../../storage/schema.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Verifying against a dummy hash when the email is unknown keeps response times alike. */
let dummyHash: Promise<string> | null = null;

export async function signIn(ctx: AppContext, email: string, password: string): Promise<{ token: string; user: UserRow }> {
  const user = await ctx.storage.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || !user.password_hash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, password);
    throw new DomainError('invalid_credentials');
  }
  if (!(await verifyPassword(user.password_hash, password))) throw new DomainError('invalid_credentials');
  const token = await createSession(ctx, user.id);
  return { token, user };
}

export async function createSession(ctx: AppContext, userId: number): Promise<string> {
  const token = newToken();
  const now = ctx.clock();
  await ctx.storage.db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, expires_at: now + ctx.config.sessionDays * DAY_MS })
    .execute();
  return token;
}

/** The signed-in user for a session token, or null when unknown or expired. */
export async function userForSession(ctx: AppContext, token: string | undefined): Promise<UserRow | null> {
  if (!token) return null;
  const row = await ctx.storage.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at as session_expires_at')
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.session_expires_at <= ctx.clock()) return null;
  const { session_expires_at: _expires, ...user } = row;
  return user;
}

export async function signOut(ctx: AppContext, token: string | undefined): Promise<void> {
  if (!token) return;
  await ctx.storage.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
