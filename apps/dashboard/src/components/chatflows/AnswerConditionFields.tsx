/**
 * W8 + R1: a routing rule's "bot answer" condition: which question card of the chatflow's flow
 * and which of its answers. Only saved cards have the ids a rule names, so a question added
 * since the last save shows up here once saved.
 */
import type { FlowBranch, QuestionCard } from '@parley/protocol';
import type { ConditionDraft } from '../../state/chatflowDraft.js';
import { SelectField } from '../fields/SelectField.js';

/** The flow's question cards that carry an id, at any depth, in reading order. */
export function flowQuestions(flow: FlowBranch): Array<QuestionCard & { id: string }> {
  const found: Array<QuestionCard & { id: string }> = [];
  const walk = (branch: FlowBranch) => {
    for (const card of branch) {
      if (card.type === 'question') {
        if (card.id) found.push({ ...card, id: card.id });
        for (const answer of card.answers) walk(answer.cards);
      }
      if (card.type === 'liveChat') walk(card.offline);
    }
  };
  walk(flow);
  return found;
}

interface AnswerConditionFieldsProps {
  condition: ConditionDraft;
  questions: ReadonlyArray<QuestionCard & { id: string }>;
  set: (change: Partial<ConditionDraft>) => void;
}

export function AnswerConditionFields({ condition, questions, set }: AnswerConditionFieldsProps) {
  const question = questions.find((q) => q.id === condition.name);
  if (questions.length === 0) return <p class="field-hint">The flow has no saved question cards yet: add one in the flow above and save.</p>;
  const questionChoices = [{ value: '', label: 'Choose a question…' }, ...questions.map((q) => ({ value: q.id, label: q.text || q.id }))];
  const answerChoices = [{ value: '', label: 'Choose an answer…' }, ...(question?.answers ?? []).map((a) => ({ value: a.label, label: a.label }))];
  return (
    <>
      <SelectField label="Question" value={question ? question.id : ''} choices={questionChoices} onChange={(name) => set({ name, value: '' })} />
      <SelectField label="Answer" value={condition.value} choices={answerChoices} onChange={(value) => set({ value })} />
    </>
  );
}
