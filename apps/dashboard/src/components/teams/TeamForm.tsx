import type { Team } from '@parley/protocol';
import { LIMITS } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { createTeam, updateTeam } from '../../state/teams.js';
import { UserCheckboxes } from '../fields/UserCheckboxes.js';
import { TextField } from '../TextField.js';

interface TeamFormProps {
  /** Leave out to create a new team. */
  team?: Team;
  /** After saving (with the saved team) or cancelling (without). */
  onDone: (saved: Team | null) => void;
}

/** Name and members of a team (A3). */
export function TeamForm({ team, onDone }: TeamFormProps) {
  const users = useStore(inbox, (state) => state.users);
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState<number[]>(team?.memberIds ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError('Give the team a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const request = { name: name.trim(), memberIds };
      const saved = team ? await updateTeam(team.id, request) : await createTeam(request);
      setBusy(false);
      if (!team) {
        setName('');
        setMemberIds([]);
      }
      onDone(saved);
    } catch (caught) {
      setError(errorText(caught));
      setBusy(false);
    }
  }

  return (
    <form class="card team-form" aria-label={team ? `Edit team ${team.name}` : 'New team'} onSubmit={submit}>
      {!team && <h2 class="card-title">New team</h2>}
      <TextField label="Team name" value={name} onInput={setName} maxLength={LIMITS.nameMaxLength} autoComplete="off" required />
      <UserCheckboxes legend="Members" users={users} selected={memberIds} onChange={setMemberIds} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" aria-disabled={busy}>
          {team ? 'Save team' : 'Create team'}
        </button>
        {team && (
          <button type="button" class="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
