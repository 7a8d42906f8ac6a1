import { LIMITS, type QuestionCard } from '@parley/protocol';
import { TextField } from '../../TextField.js';
import { TextAreaField } from '../../fields/TextAreaField.js';
import { focusLater } from '../focusLater.js';
import { addAnswer, cardPathText, moveAnswer, removeAnswer, renameAnswer, type BranchPath } from './flowDraft.js';
import { answerStep, domIdOf, type FlowEditing } from './flowEditing.js';
import { NestedBranch } from './NestedBranch.js';

interface QuestionCardFieldsProps {
  card: QuestionCard;
  editing: FlowEditing;
  path: BranchPath;
  index: number;
  depth: number;
  onChange: (card: QuestionCard) => void;
}

/** The question, then each answer (a button for the visitor) with the branch it starts. */
export function QuestionCardFields({ card, editing, path, index, depth, onChange }: QuestionCardFieldsProps) {
  const id = domIdOf(cardPathText(path, index));
  const full = card.answers.length >= LIMITS.flowAnswersPerQuestion;

  function add() {
    editing.change(addAnswer(editing.flow, path, index));
    focusLater(`#${id}-answer-${card.answers.length} input`);
  }

  /** The answer's label as controls name it ("Pricing"), or its number while it has none. */
  const nameOf = (answer: number) => card.answers[answer].label.trim() || String(answer + 1);

  function move(answer: number, by: -1 | 1) {
    editing.change(moveAnswer(editing.flow, path, index, answer, by));
    editing.announce(`Answer ${nameOf(answer)} moved ${by < 0 ? 'up' : 'down'}: now answer ${answer + by + 1}.`);
    // The answer is now one place away: keep the keyboard on the same button of the same answer.
    const moved = `#${id}-answer-${answer + by}`;
    focusLater(`${moved}-${by < 0 ? 'up' : 'down'}`, `${moved}-${by < 0 ? 'down' : 'up'}`);
  }

  function remove(answer: number) {
    const run = () => {
      editing.change(removeAnswer(editing.flow, path, index, answer));
      focusLater(`#${id}-answer-${answer} input`, `#${id}-answer-${answer - 1} input`, `#${id}-add-answer`);
    };
    const { label, cards } = card.answers[answer];
    if (cards.length === 0) return run();
    editing.confirm({
      title: `Remove answer ${answer + 1}${label.trim() ? ` “${label.trim()}”` : ''}?`,
      body: `The ${cards.length === 1 ? 'card' : `${cards.length} cards`} after this answer ${cards.length === 1 ? 'is' : 'are'} deleted with it.`,
      confirmLabel: 'Remove answer',
      run,
    });
  }

  return (
    <>
      <TextAreaField label="Question" value={card.text} maxLength={LIMITS.flowTextMaxLength} rows={2} onInput={(text) => onChange({ ...card, text })} />
      <ol class="flow-answers">
        {card.answers.map((answer, at) => (
          <li key={at} class="flow-answer" id={`${id}-answer-${at}`}>
            <div class="flow-answer-head">
              <TextField label={`Answer ${at + 1}`} value={answer.label} maxLength={LIMITS.flowAnswerLabelMaxLength} onInput={(label) => editing.change(renameAnswer(editing.flow, path, index, at, label))} />
              <div class="flow-answer-actions">
                <button type="button" class="button small" id={`${id}-answer-${at}-up`} disabled={at === 0} onClick={() => move(at, -1)}>
                  Move answer<span class="visually-hidden"> {nameOf(at)}</span> up
                </button>
                <button type="button" class="button small" id={`${id}-answer-${at}-down`} disabled={at === card.answers.length - 1} onClick={() => move(at, 1)}>
                  Move answer<span class="visually-hidden"> {nameOf(at)}</span> down
                </button>
                <button type="button" class="button small danger-outline" onClick={() => remove(at)}>
                  Remove answer {at + 1}
                </button>
              </div>
            </div>
            <NestedBranch
              editing={editing}
              path={answerStep(path, index, at)}
              depth={depth + 1}
              label={`After answer ${at + 1}${answer.label.trim() ? `: ${answer.label.trim()}` : ''}`}
              where={`after answer ${at + 1}`}
            />
          </li>
        ))}
      </ol>
      <p>
        <button type="button" class="button small" id={`${id}-add-answer`} disabled={full} onClick={add}>
          Add answer
        </button>
        {full && <span class="field-hint"> A question has at most {LIMITS.flowAnswersPerQuestion} answers.</span>}
      </p>
    </>
  );
}
