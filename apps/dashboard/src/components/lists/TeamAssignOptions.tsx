/**
 * Reassign to a team (I5) from the thread header's Assignee dropdown: the teams follow the users
 * as "team:<id>" options. Choosing one makes the chat unassigned within the team, and routing
 * offers it to the team's members.
 */
import type { ConversationResponse, ConversationSummary } from '@parley/protocol';
import { useEffect } from 'preact/hooks';
import { listApi } from '../../api/listEndpoints.js';
import { api } from '../../api/endpoints.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { loadTeams } from '../../state/teams.js';

const TEAM_PREFIX = 'team:';

/** The dropdown's value: the assignee, else the team the chat waits in, else Unassigned (''). */
export function assigneeChoice(conversation: ConversationSummary): string {
  if (conversation.assignee) return String(conversation.assignee.id);
  return conversation.teamId === null ? '' : `${TEAM_PREFIX}${conversation.teamId}`;
}

/** The request a choice stands for. */
export function assignChoice(conversationId: number, value: string): Promise<ConversationResponse> {
  if (value.startsWith(TEAM_PREFIX)) return listApi.assignTeam(conversationId, Number(value.slice(TEAM_PREFIX.length)));
  return api.assign(conversationId, value === '' ? null : Number(value));
}

export function TeamAssignOptions() {
  const teams = useStore(inbox, (state) => state.teams);
  useEffect(() => {
    loadTeams().catch(() => {});
  }, []);
  if (teams.length === 0) return null;
  return (
    <optgroup label="Teams">
      {teams.map((team) => (
        <option key={team.id} value={`${TEAM_PREFIX}${team.id}`}>
          {team.name} (team)
        </option>
      ))}
    </optgroup>
  );
}

/** "Team: Billing" in the header's status line, while the chat is a team's. */
export function TeamLabel({ conversation }: { conversation: ConversationSummary }) {
  const team = useStore(inbox, (state) => state.teams.find((t) => t.id === conversation.teamId));
  if (conversation.teamId === null || !team) return null;
  return <span class="thread-team">Team: {team.name}</span>;
}
