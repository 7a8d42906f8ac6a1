import { LIMITS, type LiveChatCard } from '@parley/protocol';
import { NumberField } from '../../fields/NumberField.js';
import { TextAreaField } from '../../fields/TextAreaField.js';
import type { BranchPath } from './flowDraft.js';
import { offlineStep, type FlowEditing } from './flowEditing.js';
import { NestedBranch } from './NestedBranch.js';

interface LiveChatCardFieldsProps {
  card: LiveChatCard;
  editing: FlowEditing;
  path: BranchPath;
  index: number;
  depth: number;
  onChange: (card: LiveChatCard) => void;
}

/** The hand-off to a person: what the visitor reads either way, how long to wait, the offline branch. */
export function LiveChatCardFields({ card, editing, path, index, depth, onChange }: LiveChatCardFieldsProps) {
  const wait = Number.isFinite(card.waitSeconds) ? String(card.waitSeconds) : '';
  return (
    <>
      <TextAreaField label="Online message" value={card.onlineMessage} maxLength={LIMITS.flowTextMaxLength} rows={2} onInput={(onlineMessage) => onChange({ ...card, onlineMessage })} hint="Shown while the chat waits for someone of your team." />
      <TextAreaField label="Offline message" value={card.offlineMessage} maxLength={LIMITS.flowTextMaxLength} rows={2} onInput={(offlineMessage) => onChange({ ...card, offlineMessage })} hint="Shown when nobody picks the chat up in time, or everyone is offline or away; then the offline branch runs." />
      <NumberField
        label="Wait time (seconds)"
        class="narrow-field"
        value={wait}
        min={LIMITS.flowWaitSecondsMin}
        max={LIMITS.flowWaitSecondsMax}
        // An empty or half-typed number is kept as not-a-number, which the flow's checks refuse by name.
        onInput={(value) => onChange({ ...card, waitSeconds: value.trim() === '' ? Number.NaN : Number(value) })}
        hint={`How long to wait for someone to pick the chat up, in line at capacity too; then the offline message and branch: ${LIMITS.flowWaitSecondsMin} to ${LIMITS.flowWaitSecondsMax} seconds.`}
      />
      <NestedBranch
        editing={editing}
        path={offlineStep(path, index)}
        depth={depth + 1}
        label="Offline branch"
        where="to the offline branch"
        hint="Runs after the offline message; a capture card here turns the visitor into a lead. It may stay empty."
      />
    </>
  );
}
