/**
 * Per-account slow-down of failed sign-ins (on top of the per-address rate limit, which an
 * attacker with many addresses, or everyone behind one proxy, gets around or trips together).
 *
 * After `config.loginFailuresPerAccount` failures for one email, with no gap of more than
 * FAILURE_WINDOW_MS between them, the email is locked: every attempt, even with the right
 * password, gets rate_limited until the lock ends. Each further failure after a lock doubles
 * the next lock (1 min, 2, 4, 8, then 15 at most), so guessing slows to a few tries an hour while
 * the owner is kept out for minutes, not days. A successful sign-in clears the count.
 *
 * The count is a row in the database, so it holds across nodes and restarts. Emails without an
 * account are counted the same way, so a lock reveals nothing about which accounts exist.
 */
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { RateLimitedError } from '../limits/rateLimitedError.js';

export const FAILURE_WINDOW_MS = 15 * 60_000;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 15 * 60_000;

interface LoginThrottleTable {
  email: string;
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

function throttleDb(ctx: AppContext) {
  return ctx.storage.db.withTables<{ login_throttle: LoginThrottleTable }>();
}

/** Refuses the attempt while the email is locked; the caller has not checked the password yet. */
export async function assertNotLocked(ctx: AppContext, email: string): Promise<void> {
  const row = await throttleDb(ctx).selectFrom('login_throttle').select('locked_until').where('email', '=', email).executeTakeFirst();
  const wait = (row?.locked_until ?? 0) - ctx.clock();
  if (wait > 0) {
    throw new RateLimitedError(wait, `too many failed sign-ins for this account; try again in ${Math.ceil(wait / 1000)} s`);
  }
}

/** Counts a failure (atomically, so concurrent failures on several nodes all count) and locks when due. */
export async function recordFailure(ctx: AppContext, email: string): Promise<void> {
  const db = throttleDb(ctx);
  const now = ctx.clock();
  const quietSince = now - FAILURE_WINDOW_MS;
  const row = await db
    .insertInto('login_throttle')
    .values({ email, failures: 1, last_failure_at: now, locked_until: 0 })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        // A quiet spell (no failure and no lock for the whole window) starts the count over.
        failures: sql<number>`case when login_throttle.last_failure_at < ${quietSince} and login_throttle.locked_until < ${quietSince} then 1 else login_throttle.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const over = Number(row.failures) - ctx.config.loginFailuresPerAccount;
  if (over >= 0) {
    const lockMs = Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(over, 10));
    await db.updateTable('login_throttle').set({ locked_until: now + lockMs }).where('email', '=', email).execute();
  }
  if (Number(row.failures) === 1) {
    // Rows of emails that went quiet are dead weight: drop them while starting a new one.
    await db.deleteFrom('login_throttle').where('last_failure_at', '<', quietSince).where('locked_until', '<', quietSince).execute();
  }
}

export async function clearFailures(ctx: AppContext, email: string): Promise<void> {
  await throttleDb(ctx).deleteFrom('login_throttle').where('email', '=', email).execute();
}
