import type { UserRole, UserSummary } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api/endpoints.js';
import { errorText } from '../../api/request.js';
import { applyUserUpdate } from '../../state/inboxStore.js';
import { parseWhole } from '../../format/numbers.js';
import { NumberField } from '../fields/NumberField.js';
import { SelectField } from '../fields/SelectField.js';
import { TagsInput } from '../fields/TagsInput.js';

const ROLES = [
  { value: 'agent', label: 'Agent' },
  { value: 'admin', label: 'Admin' },
] as const;

/** Role, skills and capacity of one user (A3, R1 skills, R2 capacity), saved with PATCH. */
export function UserEditForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const [role, setRole] = useState<UserRole>(user.role);
  const [skills, setSkills] = useState(user.skills);
  const [maxChats, setMaxChats] = useState(String(user.maxChats));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const capacity = parseWhole(maxChats, 0, 100);

  async function submit(event: Event) {
    event.preventDefault();
    if (capacity === null) {
      setError('Max chats must be a whole number from 0 to 100.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.updateUser(user.id, { role, skills, maxChats: capacity });
      applyUserUpdate(result.user);
      onDone();
    } catch (caught) {
      setError(errorText(caught));
      setBusy(false);
    }
  }

  return (
    <form class="user-edit" aria-label={`Edit ${user.name}`} onSubmit={submit}>
      <div class="field-row">
        <SelectField label="Role" value={role} choices={ROLES} onChange={setRole} />
        <TagsInput
          label="Skills"
          tags={skills}
          onChange={setSkills}
          hint="For skill-based routing, e.g. a language. Press Enter after each."
        />
        <NumberField
          label="Max chats"
          value={maxChats}
          onInput={setMaxChats}
          min={0}
          max={100}
          invalid={capacity === null}
          hint="Most open chats offered at once; 0 offers none."
        />
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" aria-disabled={busy}>
          Save
        </button>
        <button type="button" class="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
