import { LIST_PRIORITIES, LIST_STATUSES, type InboxView, type ListPriority, type ListStatus } from '@parley/protocol';
import { useEffect, useId } from 'preact/hooks';
import { chatflowsStore, loadChatflows } from '../chatflows/chatflowsStore.js';
import { setListFilters } from '../../state/conversations.js';
import { inbox } from '../../state/inboxStore.js';
import { listQuery, type ListFilters as Filters } from '../../state/listQuery.js';
import { useStore } from '../../state/store.js';
import { loadTeams } from '../../state/teams.js';

const STATUS_LABELS: Record<ListStatus, string> = { open: 'Open', snoozed: 'Snoozed', closed: 'Closed' };
const PRIORITY_LABELS: Record<ListPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** The filters above the list (I3); each change reloads the list from its first page. */
export function ListFilters({ view }: { view: InboxView }) {
  const filters = useStore(listQuery, (state) => state.filters);
  const teamShown = useStore(listQuery, (state) => state.team !== null);
  const users = useStore(inbox, (state) => state.users);
  const teams = useStore(inbox, (state) => state.teams);
  const chatflows = useStore(chatflowsStore, (state) => state.chatflows);
  const chatflowsLoad = useStore(chatflowsStore, (state) => state.load);
  const id = useId();
  useEffect(() => {
    if (chatflowsLoad === null) void loadChatflows();
    loadTeams().catch(() => {});
  }, []);

  const change = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const key of Object.keys(next) as Array<keyof Filters>) if (next[key] === undefined) delete next[key];
    setListFilters(next);
  };
  const fixedStatus = view === 'closed' || view === 'snoozed' ? view : null;

  return (
    <div class="list-filters" role="group" aria-label="Filters">
      <div class="list-filter">
        <label for={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={fixedStatus ?? filters.status ?? 'open'}
          disabled={fixedStatus !== null}
          onChange={(event) => change({ status: event.currentTarget.value === 'open' ? undefined : (event.currentTarget.value as ListStatus) })}
        >
          {LIST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div class="list-filter">
        <label for={`${id}-assignee`}>Assignee</label>
        <select
          id={`${id}-assignee`}
          value={filters.assignee === undefined ? '' : String(filters.assignee)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            change({ assignee: value === '' ? undefined : value === 'unassigned' ? 'unassigned' : Number(value) });
          }}
        >
          <option value="">Anyone</option>
          <option value="unassigned">Unassigned</option>
          {users.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      <div class="list-filter">
        <label for={`${id}-team`}>Team</label>
        <select
          id={`${id}-team`}
          value={filters.team === undefined ? '' : String(filters.team)}
          disabled={teamShown}
          onChange={(event) => change({ team: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value) })}
        >
          <option value="">Any team</option>
          {teams.map((team) => (
            <option key={team.id} value={String(team.id)}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div class="list-filter">
        <label for={`${id}-chatflow`}>Chatflow</label>
        <select
          id={`${id}-chatflow`}
          value={filters.chatflow === undefined ? '' : String(filters.chatflow)}
          onChange={(event) => change({ chatflow: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value) })}
        >
          <option value="">Any chatflow</option>
          {chatflows.map((chatflow) => (
            <option key={chatflow.id} value={String(chatflow.id)}>
              {chatflow.name}
            </option>
          ))}
        </select>
      </div>
      <div class="list-filter">
        <label for={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={filters.priority ?? ''}
          onChange={(event) => change({ priority: event.currentTarget.value === '' ? undefined : (event.currentTarget.value as ListPriority) })}
        >
          <option value="">Any priority</option>
          {LIST_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The list's heading: the view's name, or the team's. */
export function useListTitle(viewLabel: string): string {
  const team = useStore(listQuery, (state) => state.team);
  const teams = useStore(inbox, (state) => state.counts?.teams ?? []);
  if (team === null) return viewLabel;
  return teams.find((t) => t.teamId === team)?.name ?? 'Team';
}
