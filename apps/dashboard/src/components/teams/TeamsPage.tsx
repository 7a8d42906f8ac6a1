import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { inbox } from '../../state/inboxStore.js';
import { loadUsers } from '../../state/session.js';
import { useStore } from '../../state/store.js';
import { loadTeams } from '../../state/teams.js';
import { TeamForm } from './TeamForm.js';
import { TeamItem } from './TeamItem.js';
import { InboxSettingsSection } from '../lists/InboxSettingsSection.js';

/** Admins: teams for routing and chat headings (A3). */
export function TeamsPage() {
  const teams = useStore(inbox, (state) => state.teams);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  async function load() {
    setError(null);
    try {
      await loadTeams();
      setLoaded(true);
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  useEffect(() => {
    void load();
    void loadUsers();
  }, []);

  return (
    <div class="page">
      <h1 id="teams-title" class="pane-title" tabIndex={-1}>
        Teams
      </h1>
      {error && (
        <div class="list-message" role="alert">
          <p>Could not load the teams: {error}</p>
          <button type="button" class="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {loaded && teams.length === 0 && <p class="field-hint">No teams yet. Create the first one below.</p>}
      {!loaded && !error && <p role="status">Loading teams…</p>}
      {teams.length > 0 && (
        <ul class="team-list" aria-label="Teams">
          {teams.map((team) => (
            <li key={team.id}>
              <TeamItem team={team} />
            </li>
          ))}
        </ul>
      )}
      <TeamForm onDone={(saved) => setCreated(saved ? `Team ${saved.name} created.` : null)} />
      <p class="form-status" role="status">
        {created}
      </p>
      <InboxSettingsSection />
    </div>
  );
}
