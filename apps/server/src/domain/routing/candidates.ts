/**
 * Who could take a chat right now (R1, R2, I2): every user of the workspace with their
 * availability, whether an inbox connection is live, and their load (open assigned chats plus
 * pending offers, so a burst of arrivals cannot overfill anyone before they accept).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { connectedExpression } from '../presence/connected.js';

export interface Candidate {
  id: number;
  online: boolean;
  connected: boolean;
  load: number;
  maxChats: number;
  skills: string[];
}

export function hasCapacity(candidate: Candidate): boolean {
  return candidate.load < candidate.maxChats;
}

export function isReachable(candidate: Candidate): boolean {
  return candidate.online && candidate.connected;
}

export async function loadCandidates(db: Kysely<Database>, workspaceId: number, now: number): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('users')
    .where('users.workspace_id', '=', workspaceId)
    // Deactivated users are never offered a chat.
    .where('users.deactivated_at', 'is', null)
    .select((eb) => [
      'users.id',
      'users.availability',
      'users.max_chats',
      'users.skills',
      connectedExpression(now)(eb).as('connected'),
      eb
        .selectFrom('conversations')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('conversations.assignee_id', '=', 'users.id')
        .where('conversations.status', '=', 'open')
        .as('open_chats'),
      eb
        .selectFrom('offers')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('offers.user_id', '=', 'users.id')
        .where('offers.status', '=', 'pending')
        .as('pending_offers'),
    ])
    .orderBy('users.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    online: row.availability === 'online',
    connected: Boolean(row.connected),
    load: Number(row.open_chats ?? 0) + Number(row.pending_offers ?? 0),
    maxChats: row.max_chats,
    skills: parseSkills(row.skills),
  }));
}

export function parseSkills(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
