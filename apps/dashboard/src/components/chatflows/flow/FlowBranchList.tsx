import { AddCardControl } from './AddCardControl.js';
import { FlowCardItem } from './FlowCardItem.js';
import type { FlowEditing } from './flowEditing.js';
import { branchAt, type BranchPath } from './flowDraft.js';

interface FlowBranchListProps {
  editing: FlowEditing;
  path: BranchPath;
  /** 0 for the root branch; sets the cards' heading level. */
  depth: number;
  /** Where cards added here go, for the add control's name ("to the flow", "after answer 1"). */
  where: string;
}

/** One branch: its cards in the order they run, then the control that adds a card to it. */
export function FlowBranchList({ editing, path, depth, where }: FlowBranchListProps) {
  const cards = branchAt(editing.flow, path);
  return (
    <div class="flow-branch-body">
      {cards.length > 0 ? (
        <ol class="flow-cards">
          {cards.map((card, index) => (
            // Keyed by place: moving a card re-renders the places, and focus is moved on purpose.
            <li key={index}>
              <FlowCardItem editing={editing} card={card} path={path} index={index} count={cards.length} depth={depth} />
            </li>
          ))}
        </ol>
      ) : (
        <p class="field-hint">No cards here yet.</p>
      )}
      <AddCardControl editing={editing} path={path} cards={cards} where={where} />
    </div>
  );
}
