import type { FlowBranch, FlowCardType } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { SelectField, type Choice } from '../../fields/SelectField.js';
import { focusLater } from '../focusLater.js';
import { domIdOf, type FlowEditing } from './flowEditing.js';
import { branchPathText, cardPathText, insertCard, newCard, type BranchPath } from './flowDraft.js';
import { CARD_TYPE_NAMES } from './flowPlaces.js';

interface AddCardControlProps {
  editing: FlowEditing;
  path: BranchPath;
  cards: FlowBranch;
  where: string;
}

const TYPES: ReadonlyArray<Choice<FlowCardType>> = (['message', 'question', 'capture', 'liveChat'] as const).map((value) => ({ value, label: CARD_TYPE_NAMES[value] }));

/** Adds a card of a chosen type at a chosen place of one branch, then puts the keyboard in it. */
export function AddCardControl({ editing, path, cards, where }: AddCardControlProps) {
  const [type, setType] = useState<FlowCardType>('message');
  const [position, setPosition] = useState('end');
  const id = `${domIdOf(branchPathText(path))}-add`;
  const positions: Array<Choice<string>> = [
    { value: 'end', label: 'At the end' },
    ...cards.map((card, index) => ({ value: String(index), label: `Before card ${index + 1}: ${CARD_TYPE_NAMES[card.type]}` })),
  ];
  // A removed card can leave the chosen place behind; the end is always there.
  const at = position === 'end' || Number(position) >= cards.length ? cards.length : Number(position);

  function add() {
    editing.change(insertCard(editing.flow, path, at, newCard(type)));
    setPosition('end');
    const card = `#${domIdOf(cardPathText(path, at))}`;
    focusLater(`${card} textarea`, `${card} input`);
  }

  return (
    <div class="flow-add" id={id} role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} class="flow-add-title">
        Add a card {where}
      </p>
      <div class="flow-add-fields">
        <SelectField label="Card type" value={type} choices={TYPES} onChange={setType} />
        {cards.length > 0 && <SelectField label="Position" value={at === cards.length ? 'end' : String(at)} choices={positions} onChange={setPosition} />}
        <button type="button" class="button" onClick={add}>
          Add card
        </button>
      </div>
    </div>
  );
}
