import { useEffect, useState } from 'preact/hooks';
import { SelectField } from '../../fields/SelectField.js';
import { focusLater } from '../focusLater.js';
import { cardPathText, type BranchPath } from './flowDraft.js';
import { domIdOf, type FlowEditing } from './flowEditing.js';
import { moveCardTo, moveTargets } from './flowMoves.js';
import { branchWords, placeName } from './flowPlaces.js';

interface MoveCardPanelProps {
  editing: FlowEditing;
  path: BranchPath;
  index: number;
  /** The card's heading ("Card 2: Question"). */
  title: string;
  onClose: () => void;
}

/**
 * "Move to…": the places the card can go (never inside itself; only places the move keeps valid),
 * then Move. Afterwards the keyboard is on the moved card's "Move to…" button and the live region
 * says where it is now; Escape or Cancel closes the panel and gives the keyboard back.
 */
export function MoveCardPanel({ editing, path, index, title, onClose }: MoveCardPanelProps) {
  const cardId = domIdOf(cardPathText(path, index));
  const id = `${cardId}-move-panel`;
  const targets = moveTargets(editing.flow, { path, index });
  const [chosen, setChosen] = useState('0');
  // The flow may change while the panel is open; the first place is always there when any is.
  const target = targets[Number(chosen)] ?? targets[0];

  useEffect(() => focusLater(`#${id} select`, `#${id} button`), [id]);

  function close() {
    onClose();
    focusLater(`#${cardId}-move`);
  }

  function move() {
    const moved = moveCardTo(editing.flow, { path, index }, target);
    onClose();
    editing.change(moved.flow);
    const now = moved.place;
    editing.announce(`${title} moved: now card ${now.index + 1} of ${branchWords(moved.flow, now.path)}.`);
    focusLater(`#${domIdOf(cardPathText(now.path, now.index))}-move`);
  }

  return (
    <div
      class="flow-move"
      id={id}
      role="group"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <p id={`${id}-title`} class="flow-add-title">
        Move {title} to another place
      </p>
      {targets.length === 0 && <p class="field-hint">There is no other place this card can go without breaking the flow.</p>}
      <div class="flow-add-fields">
        {target && (
          <>
            <SelectField
              label="New place"
              value={String(targets.indexOf(target))}
              choices={targets.map((place, at) => ({ value: String(at), label: placeName(editing.flow, place) }))}
              onChange={setChosen}
              hint="The card goes with its branches. Places that would break the flow are not offered."
            />
            <button type="button" class="button" onClick={move}>
              Move card
            </button>
          </>
        )}
        <button type="button" class="button" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
