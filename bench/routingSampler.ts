/**
 * Reads routing state straight from the node's database while the bench runs, and once at the
 * end: the ground truth the client-side timings are checked against.
 *
 * Each reading of agent load is ONE statement (subqueries per user), so it sees one snapshot:
 * reading open chats and pending offers in two statements could count a chat twice when an accept
 * commits between them, and report an overload that never happened.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../apps/server/src/storage/schema.js';

const EVERY_MS = 250;

export interface Samples {
  count: number;
  maxQueued: number;
  /** Most conversations seen waiting at once, queued or not yet placed (`routing`). */
  maxWaiting: number;
  /** Highest load (open assigned chats + pending offers) seen for any agent, and its capacity. */
  maxLoad: number;
  maxLoadCapacity: number;
  overCapacity: number;
  /** Readings with a conversation holding two or more pending offers. */
  doubleOffers: number;
}

export function sampleDatabase(db: Kysely<Database>, userIds: number[]): { stop(): Promise<Samples> } {
  const samples: Samples = { count: 0, maxQueued: 0, maxWaiting: 0, maxLoad: 0, maxLoadCapacity: 0, overCapacity: 0, doubleOffers: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      await readOnce(db, userIds, samples).catch((error: unknown) => console.error('[bench] sample failed:', error));
      await sleep(EVERY_MS);
    }
    // One last reading after the run, so the end state is checked too.
    await readOnce(db, userIds, samples);
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

async function readOnce(db: Kysely<Database>, userIds: number[], samples: Samples): Promise<void> {
  const waiting = await db
    .selectFrom('conversations')
    .select(['routing_state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .where('routing_state', 'in', ['queued', 'routing'])
    .groupBy('routing_state')
    .execute();
  const queued = Number(waiting.find((w) => w.routing_state === 'queued')?.n ?? 0);
  samples.maxQueued = Math.max(samples.maxQueued, queued);
  samples.maxWaiting = Math.max(samples.maxWaiting, waiting.reduce((sum, w) => sum + Number(w.n), 0));

  const loads = await db
    .selectFrom('users')
    .where('users.id', 'in', userIds)
    .select((eb) => [
      'users.max_chats',
      eb.selectFrom('conversations').select((c) => c.fn.countAll<number>().as('n')).whereRef('conversations.assignee_id', '=', 'users.id').where('conversations.status', '=', 'open').as('open_chats'),
      eb.selectFrom('offers').select((c) => c.fn.countAll<number>().as('n')).whereRef('offers.user_id', '=', 'users.id').where('offers.status', '=', 'pending').as('pending'),
    ])
    .execute();
  for (const row of loads) {
    const load = Number(row.open_chats ?? 0) + Number(row.pending ?? 0);
    if (load > row.max_chats) samples.overCapacity++;
    if (load > samples.maxLoad) {
      samples.maxLoad = load;
      samples.maxLoadCapacity = row.max_chats;
    }
  }

  const doubled = await db
    .selectFrom('offers')
    .select('conversation_id')
    .where('status', '=', 'pending')
    .groupBy('conversation_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  if (doubled.length > 0) samples.doubleOffers++;
  samples.count++;
}

export interface FinalState {
  conversations: number;
  /** Conversations that never reached a user: routing, queued, missed, or still offered. */
  notAssigned: number;
  acceptedOffers: number;
  /** Conversations with more than one accepted offer (would be a double assignment). */
  doubleAccepted: number;
  expiredOrDeclined: number;
}

export async function finalState(db: Kysely<Database>): Promise<FinalState> {
  const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => Number((await q.executeTakeFirstOrThrow()).n);
  const conversations = await count(db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')));
  const notAssigned = await count(db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).where('routing_state', '!=', 'assigned'));
  const acceptedOffers = await count(db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'accepted'));
  const expiredOrDeclined = await count(db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['expired', 'declined']));
  const doubled = await db
    .selectFrom('offers')
    .select('conversation_id')
    .where('status', '=', 'accepted')
    .groupBy('conversation_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  return { conversations, notAssigned, acceptedOffers, doubleAccepted: doubled.length, expiredOrDeclined };
}
