/**
 * I2: a user counts as connected while at least one inbox socket is live on some node, or
 * within the grace period after the last one dropped (a reload or a flaky network is not a
 * reason to stop offering chats).
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../storage/schema.js';

/**
 * Presence rows older than this belong to a node that stopped heartbeating (crashed). Node
 * liveness is measured on the wall clock, not the injectable business clock: it detects dead
 * processes, and a test that moves business time forward must not make live nodes look dead.
 */
export const PRESENCE_STALE_MS = 45_000;

/** SQL for "this user has a live inbox connection or is inside the reconnect grace period". */
export function connectedExpression(now: number) {
  const staleBefore = Date.now() - PRESENCE_STALE_MS;
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('presence')
          .select('presence.user_id')
          .whereRef('presence.user_id', '=', 'users.id')
          .where('presence.sockets', '>', 0)
          .where('presence.seen_at', '>', staleBefore),
      ),
      eb('users.grace_until', '>', now),
    ]);
}

