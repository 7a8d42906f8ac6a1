import type { AgentPublic, UserSummary } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../storage/schema.js';
import { connectedExpression } from '../presence/connected.js';
import { parseSkills } from '../routing/candidates.js';
import { parsePermissions } from '../chatflows/policies.js';

export function toUserSummary(user: UserRow, connected = false): UserSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    avatarUrl: user.avatar_url,
    role: user.role,
    availability: user.availability,
    awayReason: user.availability === 'away' ? user.away_reason : null,
    connected,
    skills: parseSkills(user.skills),
    maxChats: user.max_chats,
    active: user.deactivated_at === null,
    permissions: parsePermissions(user.permissions),
    ...(user.deleted_at !== null ? { deleted: true as const } : {}),
  };
}

/** Users with their live connection state, read inside or outside a transaction. */
export function userSummaryQuery(db: Kysely<Database>, now: number) {
  return db.selectFrom('users').selectAll('users').select((eb) => connectedExpression(now)(eb).as('connected'));
}

export async function loadUserSummary(db: Kysely<Database>, userId: number, now: number): Promise<UserSummary> {
  const row = await userSummaryQuery(db, now).where('users.id', '=', userId).executeTakeFirstOrThrow();
  return toUserSummary(row, Boolean(row.connected));
}

export function toAgentPublic(user: Pick<UserRow, 'id' | 'name' | 'avatar_url'>): AgentPublic {
  return { id: user.id, name: user.name, avatarUrl: user.avatar_url };
}
