/**
 * Inbox sign-in: email + password → session token (cookie). Sessions are rows, so signing out
 * works on every node and a restart keeps people signed in.
 */
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import type { UserRow } from '../../storage/schema.js';
import { assertNotLocked, clearFailures, recordFailure } from './loginThrottle.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Verifying against a dummy hash when the email is unknown keeps response times alike. */
let dummyHash: Promise<string> | null = null;

export async function signIn(ctx: AppContext, email: string, password: string): Promise<{ token: string; user: UserRow }> {
  const normalized = email.trim().toLowerCase();
  // A locked account is refused before the password is looked at, so guessing on is pointless.
  await assertNotLocked(ctx, normalized);
  const user = await ctx.storage.db.selectFrom('users').selectAll().where('email', '=', normalized).executeTakeFirst();
  if (!user || !user.password_hash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, password);
    await recordFailure(ctx, normalized);
    throw new DomainError('invalid_credentials');
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordFailure(ctx, normalized);
    throw new DomainError('invalid_credentials');
  }
  await clearFailures(ctx, normalized);
  const token = await createSession(ctx, user.id);
  return { token, user };
}

export async function createSession(ctx: AppContext, userId: number): Promise<string> {
  // A deactivated user keeps their password hash (for reactivation) but gets no session.
  const user = await ctx.storage.db.selectFrom('users').select('deactivated_at').where('id', '=', userId).executeTakeFirst();
  if (!user || user.deactivated_at !== null) throw new DomainError('invalid_credentials');
  const token = newToken();
  const now = ctx.clock();
  await ctx.storage.db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, expires_at: now + ctx.config.sessionDays * DAY_MS })
    .execute();
  return token;
}

/** A live session: its user (as stored now), the token's hash and when it ends. */
export interface SessionInfo {
  user: UserRow;
  tokenHash: string;
  expiresAt: number;
}

/** The signed-in user for a session token, or null when unknown, expired or deactivated. */
export async function userForSession(ctx: AppContext, token: string | undefined): Promise<UserRow | null> {
  if (!token) return null;
  return (await sessionByHash(ctx, hashToken(token)))?.user ?? null;
}

/**
 * Sessions by token hash that are still valid, read in one query. Open inbox sockets keep only
 * the hash and re-check with it (after a sign-out signal, a change to their user, periodically).
 */
export async function sessionsByHash(ctx: AppContext, tokenHashes: string[]): Promise<Map<string, SessionInfo>> {
  const found = new Map<string, SessionInfo>();
  if (tokenHashes.length === 0) return found;
  const rows = await ctx.storage.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.expires_at as session_expires_at', 'sessions.token_hash as session_token_hash'])
    .where('sessions.token_hash', 'in', tokenHashes)
    .where('users.deactivated_at', 'is', null)
    .execute();
  const now = ctx.clock();
  for (const { session_expires_at: expiresAt, session_token_hash: tokenHash, ...user } of rows) {
    if (expiresAt > now) found.set(tokenHash, { user, tokenHash, expiresAt });
  }
  return found;
}

export async function sessionByHash(ctx: AppContext, tokenHash: string): Promise<SessionInfo | null> {
  return (await sessionsByHash(ctx, [tokenHash])).get(tokenHash) ?? null;
}

/** Ends the session; says whose it was, so open sockets of that user can be told to re-check. */
export async function signOut(ctx: AppContext, token: string | undefined): Promise<{ userId: number; workspaceId: number } | null> {
  if (!token) return null;
  const ended = await ctx.storage.db
    .deleteFrom('sessions')
    .where('token_hash', '=', hashToken(token))
    .returning('user_id')
    .executeTakeFirst();
  if (!ended) return null;
  const user = await ctx.storage.db.selectFrom('users').select('workspace_id').where('id', '=', ended.user_id).executeTakeFirst();
  return user ? { userId: ended.user_id, workspaceId: user.workspace_id } : null;
}
