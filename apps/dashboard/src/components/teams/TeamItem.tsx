import type { Team } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { deleteTeam } from '../../state/teams.js';
import { TeamForm } from './TeamForm.js';

/** One team: its members, and editing or deleting it in place (deleting asks once more). */
export function TeamItem({ team }: { team: Team }) {
  const users = useStore(inbox, (state) => state.users);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editId = `team-${team.id}-edit`;
  const names = team.memberIds.map((id) => users.find((u) => u.id === id)?.name ?? 'Former user');

  function backToView() {
    setMode('view');
    requestAnimationFrame(() => document.getElementById(editId)?.focus());
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await deleteTeam(team.id);
      // This item is gone; the page heading is the calm place to land.
      requestAnimationFrame(() => document.getElementById('teams-title')?.focus());
    } catch (caught) {
      setError(errorText(caught));
      setBusy(false);
    }
  }

  if (mode === 'edit') return <TeamForm team={team} onDone={backToView} />;

  return (
    <article class="card team" aria-labelledby={`team-${team.id}-name`}>
      <h2 id={`team-${team.id}-name`} class="card-title">
        {team.name}
      </h2>
      <p class="team-members">
        {names.length > 0 ? `Members: ${names.sort((a, b) => a.localeCompare(b)).join(', ')}` : 'No members yet.'}
      </p>
      {mode === 'confirm' ? (
        <div class="confirm" role="group" aria-label={`Delete team ${team.name}?`}>
          <p>Delete {team.name}? Chatflows that route to this team need another target afterwards.</p>
          <div class="form-actions">
            <button type="button" class="button danger" aria-disabled={busy} onClick={() => busy || void remove()}>
              Yes, delete
            </button>
            <button type="button" class="button" onClick={backToView}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div class="form-actions">
          <button type="button" id={editId} class="button" aria-label={`Edit team ${team.name}`} onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" class="button" aria-label={`Delete team ${team.name}`} onClick={() => setMode('confirm')}>
            Delete
          </button>
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
