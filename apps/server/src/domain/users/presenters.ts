import type { AgentPublic, UserSummary } from '@parley/protocol';
import type { UserRow } from '../../storage/schema.js';

export function toUserSummary(user: UserRow): UserSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    avatarUrl: user.avatar_url,
    role: user.role,
    availability: user.availability,
  };
}

export function toAgentPublic(user: Pick<UserRow, 'id' | 'name' | 'avatar_url'>): AgentPublic {
  return { id: user.id, name: user.name, avatarUrl: user.avatar_url };
}
