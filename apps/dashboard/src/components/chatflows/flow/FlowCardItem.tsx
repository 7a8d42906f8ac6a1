import type { FlowCard } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { focusLater } from '../focusLater.js';
import { CaptureCardFields } from './CaptureCardFields.js';
import { domIdOf, type FlowEditing } from './flowEditing.js';
import { branchPathText, cardPathText, deleteCard, holdsCards, moveCard, replaceCard, type BranchPath } from './flowDraft.js';
import { CARD_TYPE_NAMES, deletedWith, isOnCard } from './flowPlaces.js';
import { LiveChatCardFields } from './LiveChatCardFields.js';
import { MessageCardFields } from './MessageCardFields.js';
import { MoveCardPanel } from './MoveCardPanel.js';
import { QuestionCardFields } from './QuestionCardFields.js';

interface FlowCardItemProps {
  editing: FlowEditing;
  card: FlowCard;
  path: BranchPath;
  index: number;
  /** Cards in this branch: the last one cannot move down. */
  count: number;
  depth: number;
}

/** One card: "Card 2: Question", its problems, its fields, and moving (a place up or down, or to another branch) and deleting it. */
export function FlowCardItem({ editing, card, path, index, count, depth }: FlowCardItemProps) {
  const [moving, setMoving] = useState(false);
  const enginePath = cardPathText(path, index);
  const id = domIdOf(enginePath);
  const title = `Card ${index + 1}: ${CARD_TYPE_NAMES[card.type]}`;
  const problems = editing.problems.filter((problem) => problem.path !== null && isOnCard(problem.path, enginePath));
  const Heading = `h${Math.min(3 + depth, 6)}` as 'h3';
  const onChange = (next: FlowCard) => editing.change(replaceCard(editing.flow, path, index, next));

  function move(by: -1 | 1) {
    // The places menu belongs to this place, which another card takes now.
    setMoving(false);
    editing.change(moveCard(editing.flow, path, index, by));
    editing.announce(`${title} moved ${by < 0 ? 'up' : 'down'}: now card ${index + by + 1}.`);
    // The card is now one place away: keep the keyboard on the same button of the same card.
    const moved = `#${domIdOf(cardPathText(path, index + by))}`;
    focusLater(`${moved}-${by < 0 ? 'up' : 'down'}`, `${moved}-${by < 0 ? 'down' : 'up'}`);
  }

  function remove() {
    editing.change(deleteCard(editing.flow, path, index));
    const stays = (at: number) => `#${domIdOf(cardPathText(path, at))}-delete`;
    focusLater(stays(index), stays(index - 1), `#${domIdOf(branchPathText(path))}-add select`);
  }

  function askToRemove() {
    if (!holdsCards(card)) return remove();
    editing.confirm({
      title: `Delete ${title}?`,
      body: deletedWith(card),
      confirmLabel: 'Delete card',
      run: remove,
    });
  }

  return (
    <section
      class={problems.length > 0 ? 'flow-card has-problems' : 'flow-card'}
      id={id}
      aria-labelledby={`${id}-title`}
      aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
    >
      <div class="flow-card-head">
        <Heading id={`${id}-title`} class="flow-card-title">
          {title}
        </Heading>
        <div class="flow-card-actions">
          <button type="button" class="button small" id={`${id}-up`} disabled={index === 0} onClick={() => move(-1)}>
            Move up<span class="visually-hidden"> card {index + 1}</span>
          </button>
          <button type="button" class="button small" id={`${id}-down`} disabled={index === count - 1} onClick={() => move(1)}>
            Move down<span class="visually-hidden"> card {index + 1}</span>
          </button>
          <button
            type="button"
            class="button small"
            id={`${id}-move`}
            aria-expanded={moving}
            aria-controls={moving ? `${id}-move-panel` : undefined}
            onClick={() => setMoving(!moving)}
            // Escape closes the places from the button too: it may still have the keyboard while the panel opens.
            onKeyDown={(event) => moving && event.key === 'Escape' && setMoving(false)}
          >
            Move<span class="visually-hidden"> card {index + 1}</span> to…
          </button>
          <button type="button" class="button small danger-outline" id={`${id}-delete`} onClick={askToRemove}>
            Delete<span class="visually-hidden"> card {index + 1}</span>
          </button>
        </div>
      </div>
      {moving && <MoveCardPanel editing={editing} path={path} index={index} title={title} onClose={() => setMoving(false)} />}
      {problems.length > 0 && (
        <ul id={`${id}-problems`} class="flow-card-problems form-error">
          {problems.map((problem) => (
            <li key={`${problem.path}:${problem.detail}`}>{problem.detail}</li>
          ))}
        </ul>
      )}
      {card.type === 'message' ? (
        <MessageCardFields card={card} onChange={onChange} />
      ) : card.type === 'question' ? (
        <QuestionCardFields card={card} editing={editing} path={path} index={index} depth={depth} onChange={onChange} />
      ) : card.type === 'capture' ? (
        <CaptureCardFields card={card} onChange={onChange} />
      ) : (
        <LiveChatCardFields card={card} editing={editing} path={path} index={index} depth={depth} onChange={onChange} />
      )}
    </section>
  );
}
