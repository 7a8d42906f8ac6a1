/**
 * Teams (A3): named groups of users for team routing and custom rules.
 */
import type { Team, TeamRequest } from '@parley/protocol';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { Database } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { scheduleDrain } from '../routing/triggers.js';

export async function listTeams(db: Kysely<Database>, workspaceId: number): Promise<Team[]> {
  const teams = await db.selectFrom('teams').select(['id', 'name']).where('workspace_id', '=', workspaceId).orderBy('name').execute();
  const members = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['team_members.team_id', 'team_members.user_id'])
    .where('teams.workspace_id', '=', workspaceId)
    .orderBy('team_members.user_id')
    .execute();
  return teams.map((t) => ({ id: t.id, name: t.name, memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id) }));
}

async function assertMembers(db: Kysely<Database>, workspaceId: number, memberIds: number[]): Promise<number[]> {
  const unique = [...new Set(memberIds)];
  if (unique.length === 0) return unique;
  const found = await db.selectFrom('users').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw new DomainError('validation_failed', 'memberIds: every member must be a user of this workspace');
  return unique;
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new DomainError('validation_failed', 'name must not be blank');
  return trimmed;
}

export async function saveTeam(ctx: AppContext, workspaceId: number, teamId: number | null, input: TeamRequest): Promise<Team> {
  const name = cleanName(input.name);
  return inTransaction(ctx, async (uow) => {
    const memberIds = await assertMembers(uow.trx, workspaceId, input.memberIds);
    let id = teamId;
    if (id === null) {
      id = (await uow.trx.insertInto('teams').values({ workspace_id: workspaceId, name, created_at: uow.now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const updated = await uow.trx.updateTable('teams').set({ name }).where('id', '=', id).where('workspace_id', '=', workspaceId).returning('id').executeTakeFirst();
      if (!updated) throw new DomainError('not_found');
      await uow.trx.deleteFrom('team_members').where('team_id', '=', id).execute();
    }
    if (memberIds.length > 0) await uow.trx.insertInto('team_members').values(memberIds.map((user_id) => ({ team_id: id, user_id }))).execute();
    // New members may be free for chats waiting on this team.
    await scheduleDrain(uow, workspaceId, `team:${id}:${uow.now}`);
    return { id, name, memberIds: [...memberIds].sort((a, b) => a - b) };
  });
}

export async function deleteTeam(ctx: AppContext, workspaceId: number, teamId: number): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const team = await uow.trx.selectFrom('teams').select('id').where('id', '=', teamId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!team) throw new DomainError('not_found');
    await uow.trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    // Its chats leave the team view; waiting ones are routed by their chatflow again.
    await uow.trx.updateTable('conversations').set({ team_id: null }).where('team_id', '=', teamId).execute();
    await uow.trx.deleteFrom('teams').where('id', '=', teamId).execute();
    await scheduleDrain(uow, workspaceId, `team:${teamId}:${uow.now}`);
  });
}
