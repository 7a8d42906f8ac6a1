/**
 * The estimated wait shown to a queued visitor: how long the recent chats of this chatflow took,
 * spread over the free-able slots of everyone online. Deliberately simple; it is a hint, not a
 * promise, and is rounded up to whole minutes by the widget.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { isReachable, type Candidate } from './candidates.js';

const DEFAULT_HANDLE_SECONDS = 300;
const SAMPLE = 50;

export async function estimateWaitSeconds(
  db: Kysely<Database>,
  chatflowId: number,
  now: number,
  candidates: Candidate[],
): Promise<(position: number) => number> {
  const recent = await db
    .selectFrom('conversations')
    .select(['created_at', 'closed_at'])
    .where('chatflow_id', '=', chatflowId)
    .where('status', '=', 'closed')
    .where('assignee_id', 'is not', null)
    .where('closed_at', '>', now - 7 * 24 * 3600_000)
    .orderBy('closed_at', 'desc')
    .limit(SAMPLE)
    .execute();
  const durations = recent.map((r) => Math.max(0, (r.closed_at ?? r.created_at) - r.created_at) / 1000);
  const handleSeconds = durations.length > 0 ? durations.reduce((a, b) => a + b, 0) / durations.length : DEFAULT_HANDLE_SECONDS;
  const slots = Math.max(1, candidates.filter(isReachable).reduce((sum, c) => sum + c.maxChats, 0));
  return (position) => Math.max(30, Math.round((position * handleSeconds) / slots));
}
