/**
 * References in a chatflow's routing (users, teams) must exist in the workspace, so a saved
 * chatflow always routes somewhere real.
 */
import type { ChatflowRouting } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { DomainError } from '../errors.js';
import { normalizeSkill } from '../routing/routingPool.js';

export async function checkRouting(db: Kysely<Database>, workspaceId: number, routing: ChatflowRouting): Promise<ChatflowRouting> {
  const userIds = new Set<number>(routing.ownerUserIds);
  const teamIds = new Set<number>();
  if (routing.mode === 'specific_user') {
    if (routing.userId === null) throw new DomainError('validation_failed', 'routing.userId: pick the user who gets the chats');
    userIds.add(routing.userId);
  }
  if (routing.mode === 'team') {
    if (routing.teamId === null) throw new DomainError('validation_failed', 'routing.teamId: pick the team that gets the chats');
    teamIds.add(routing.teamId);
  }
  if (routing.mode === 'skills' && routing.skills.length === 0) throw new DomainError('validation_failed', 'routing.skills: name at least one skill');
  for (const rule of routing.rules) {
    if (rule.target.kind === 'user') userIds.add(rule.target.userId);
    else teamIds.add(rule.target.teamId);
    // "Contact owner is <user>" names a user too (the engine checked it is an id).
    for (const condition of rule.conditions) {
      if (condition.field === 'contact' && condition.attribute === 'owner' && condition.value !== '') userIds.add(Number(condition.value));
    }
  }
  if (userIds.size > 0) {
    const found = await db.selectFrom('users').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...userIds]).execute();
    if (found.length !== userIds.size) throw new DomainError('validation_failed', 'routing: a referenced user is not in this workspace');
  }
  if (teamIds.size > 0) {
    const found = await db.selectFrom('teams').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...teamIds]).execute();
    if (found.length !== teamIds.size) throw new DomainError('validation_failed', 'routing: a referenced team is not in this workspace');
  }
  return { ...routing, skills: [...new Set(routing.skills.map(normalizeSkill).filter(Boolean))], fallbackMessage: routing.fallbackMessage.trim() };
}

/** Users shown in the heading (`users` mode) must belong to the workspace too. */
export async function checkHeadingUsers(db: Kysely<Database>, workspaceId: number, userIds: readonly number[] | undefined): Promise<void> {
  if (!userIds || userIds.length === 0) return;
  const wanted = [...new Set(userIds)];
  const found = await db.selectFrom('users').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', wanted).execute();
  if (found.length !== wanted.length) throw new DomainError('validation_failed', 'settings.headingUserIds: a heading user is not in this workspace');
}
