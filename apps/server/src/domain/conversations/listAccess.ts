/**
 * Who gets which inbox list (I3): the All view is for admins, and for agents while the workspace
 * allows it (`agents_see_all`, on by default); a team view is for the team's members and admins.
 * Enforced on the list and counts routes; the inbox only hides what these refuse.
 */
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../storage/schema.js';
import { DomainError } from '../errors.js';

type Viewer = Pick<UserRow, 'id' | 'role' | 'workspace_id'>;

export async function agentsSeeAll(db: Kysely<Database>, workspaceId: number): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('agents_see_all').where('id', '=', workspaceId).executeTakeFirst();
  return row?.agents_see_all !== 0;
}

export async function maySeeAll(db: Kysely<Database>, user: Viewer): Promise<boolean> {
  return user.role === 'admin' || (await agentsSeeAll(db, user.workspace_id));
}

export async function assertMaySeeAll(db: Kysely<Database>, user: Viewer): Promise<void> {
  if (!(await maySeeAll(db, user))) throw new DomainError('all_view_disabled');
}

/** The teams whose views the user gets: their own, or every team for admins, by name. */
export async function viewableTeams(db: Kysely<Database>, user: Viewer): Promise<Array<{ id: number; name: string }>> {
  let query = db.selectFrom('teams').select(['teams.id', 'teams.name']).where('teams.workspace_id', '=', user.workspace_id);
  if (user.role !== 'admin') {
    query = query.where((eb) => eb.exists(eb.selectFrom('team_members').select('team_members.user_id').whereRef('team_members.team_id', '=', 'teams.id').where('team_members.user_id', '=', user.id)));
  }
  return query.orderBy('teams.name').orderBy('teams.id').execute();
}

export async function assertMaySeeTeam(db: Kysely<Database>, user: Viewer, teamId: number): Promise<void> {
  const team = await db.selectFrom('teams').select('id').where('id', '=', teamId).where('workspace_id', '=', user.workspace_id).executeTakeFirst();
  if (!team) throw new DomainError('not_found', 'no such team');
  if (user.role === 'admin') return;
  const member = await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).where('user_id', '=', user.id).executeTakeFirst();
  if (!member) throw new DomainError('not_team_member');
}
