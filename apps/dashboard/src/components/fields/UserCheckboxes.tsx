import type { UserSummary } from '@parley/protocol';
import { useId } from 'preact/hooks';

interface UserCheckboxesProps {
  legend: string;
  users: UserSummary[];
  selected: number[];
  onChange: (ids: number[]) => void;
  hint?: string;
}

/** Picking several users (team members, missed-chat recipients): one labelled checkbox each. */
export function UserCheckboxes({ legend, users, selected, onChange, hint }: UserCheckboxesProps) {
  const id = useId();
  const chosen = new Set(selected);
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name));

  function toggle(userId: number, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(userId);
    else next.delete(userId);
    // Keep the list order stable (by id) so saving unchanged choices sends the same request.
    onChange([...next].sort((a, b) => a - b));
  }

  return (
    <fieldset class="checkbox-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {sorted.length === 0 && <p class="field-hint">No users yet.</p>}
      <ul class="checkbox-list">
        {sorted.map((user) => (
          <li key={user.id}>
            <label>
              <input type="checkbox" checked={chosen.has(user.id)} onChange={(event) => toggle(user.id, event.currentTarget.checked)} />{' '}
              {user.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
