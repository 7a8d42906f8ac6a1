/** Teams (A3): read by every user (routing targets, pickers), changed by admins. */
import type { Team, TeamRequest } from '@parley/protocol';
import { api } from '../api/endpoints.js';
import { inbox } from './inboxStore.js';

function byName(teams: Team[]): Team[] {
  return [...teams].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

function putTeam(team: Team): void {
  inbox.update((state) => ({ ...state, teams: byName([...state.teams.filter((t) => t.id !== team.id), team]) }));
}

/** Throws so a page can say that the list could not be loaded. */
export async function loadTeams(): Promise<void> {
  const { teams } = await api.teams();
  inbox.update((state) => ({ ...state, teams: byName(teams) }));
}

export async function createTeam(request: TeamRequest): Promise<Team> {
  const { team } = await api.createTeam(request);
  putTeam(team);
  return team;
}

export async function updateTeam(id: number, request: TeamRequest): Promise<Team> {
  const { team } = await api.updateTeam(id, request);
  putTeam(team);
  return team;
}

export async function deleteTeam(id: number): Promise<void> {
  await api.deleteTeam(id);
  inbox.update((state) => ({ ...state, teams: state.teams.filter((t) => t.id !== id) }));
}
