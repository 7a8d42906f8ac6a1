import type { MeResponse, ViewCounts } from '@parley/protocol';
import { hrefFor, onLinkClick, type Route } from '../../router.js';
import { inbox } from '../../state/inboxStore.js';
import { listQuery } from '../../state/listQuery.js';
import { useStore } from '../../state/store.js';

/**
 * Whether I get the All view (I3): admins always; agents while the workspace allows it. The
 * counts follow the setting on every refresh (no `all` for me when it is off), so the link goes
 * and comes back without a reload.
 */
export function showsAllView(session: MeResponse, counts: ViewCounts | null): boolean {
  if (session.user.role === 'admin') return true;
  return counts ? counts.all !== undefined : session.workspace.agentsSeeAll;
}

/** A team view per team I am in (admins: every team), with its live count of open chats. */
export function TeamViewLinks({ route }: { route: Route }) {
  const teams = useStore(inbox, (state) => state.counts?.teams ?? []);
  const shownTeam = useStore(listQuery, (state) => state.team);
  if (teams.length === 0) return null;
  const onLists = route.name === 'teamView' || route.name === 'conversation';
  return (
    <>
      <p class="nav-team-heading" id="nav-teams">
        Teams
      </p>
      <ul class="nav-list" aria-labelledby="nav-teams">
        {teams.map((team) => {
          const current = onLists && shownTeam === team.teamId;
          return (
            <li key={team.teamId}>
              <a
                href={hrefFor({ name: 'teamView', id: team.teamId })}
                onClick={onLinkClick}
                class={current ? 'nav-link current' : 'nav-link'}
                aria-current={current ? 'page' : undefined}
              >
                <span>{team.name}</span>
                <span class="count">{team.count}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}
