/**
 * The list of macros under a `/shortcut` being typed (A6). It never takes focus: the textarea
 * keeps it and points at the highlighted option (useMacroPicker.ts). A click picks too; the
 * mouse-down is cancelled so the textarea does not lose focus first.
 */
import type { MacroPickerState } from './useMacroPicker.js';
import '../../styles/macros.css';

export function MacroPicker({ state }: { state: MacroPickerState }) {
  if (!state.open) return null;
  if (state.problem) return <p class="macro-picker-empty" role="status">{state.problem}</p>;
  if (state.loading) return <p class="macro-picker-empty" role="status">Loading macros…</p>;
  if (state.matches.length === 0) {
    return (
      <p class="macro-picker-empty" role="status">
        No macro matches “/{state.query}”. Manage macros on the Macros page.
      </p>
    );
  }
  return (
    <ul id={state.listId} class="macro-picker" role="listbox" aria-label="Macros">
      {state.matches.map((macro, index) => (
        <li
          key={macro.id}
          id={state.optionId(index)}
          role="option"
          aria-selected={index === state.active}
          class={index === state.active ? 'macro-option active' : 'macro-option'}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => state.pick(macro)}
        >
          <span class="macro-shortcut">/{macro.shortcut}</span> <span class="macro-title">{macro.title}</span>
          {macro.ownerUserId === null ? null : <span class="macro-scope"> · personal</span>}
        </li>
      ))}
    </ul>
  );
}
