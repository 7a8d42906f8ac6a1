/**
 * Team views (I3, I5): the open, awake conversations routed or reassigned to a team, counted per
 * team the user gets (members; admins every team) in one grouped query.
 */
import type { TeamViewCount } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../storage/schema.js';
import { viewableTeams } from './listAccess.js';

export async function countTeamViews(db: Kysely<Database>, user: Pick<UserRow, 'id' | 'role' | 'workspace_id'>): Promise<TeamViewCount[]> {
  const teams = await viewableTeams(db, user);
  if (teams.length === 0) return [];
  const rows = await db
    .selectFrom('conversations')
    .select((eb) => ['team_id', eb.fn.countAll<number>().as('total')])
    .where('workspace_id', '=', user.workspace_id)
    .where('status', '=', 'open')
    .where('snoozed_until', 'is', null)
    .where(
      'team_id',
      'in',
      teams.map((t) => t.id),
    )
    .groupBy('team_id')
    .execute();
  const counts = new Map(rows.map((row) => [Number(row.team_id), Number(row.total)]));
  return teams.map((team) => ({ teamId: team.id, name: team.name, count: counts.get(team.id) ?? 0 }));
}
