import type { AvailabilityDraft } from '../../state/chatflowDraft.js';
import { SelectField } from '../fields/SelectField.js';
import { TextAreaField } from '../fields/TextAreaField.js';
import { AT_CAPACITY_BEHAVIORS, AVAILABILITY_MODES, OFFLINE_BEHAVIORS, TYPICAL_REPLY_TIMES } from './labels.js';
import { OfficeHoursEditor } from './OfficeHoursEditor.js';

const MODE_HINTS: Record<AvailabilityDraft['mode'], string> = {
  users: 'Available while at least one user these chats can reach is online and under capacity.',
  office_hours: 'Available inside the office hours below; away when nobody is free then.',
  always: 'Always available.',
};

/** When the widget counts as available and what visitors see when it is not (W7, A7). */
export function AvailabilitySection({ value, onChange }: { value: AvailabilityDraft; onChange: (value: AvailabilityDraft) => void }) {
  const set = (change: Partial<AvailabilityDraft>) => onChange({ ...value, ...change });
  return (
    <fieldset class="settings-section">
      <legend>Availability</legend>
      <SelectField
        label="Availability mode"
        value={value.mode}
        choices={AVAILABILITY_MODES}
        onChange={(mode) => set({ mode })}
        hint={MODE_HINTS[value.mode]}
      />
      {value.mode === 'office_hours' && (
        <>
          <OfficeHoursEditor value={value} onChange={set} />
          <SelectField
            label="When offline"
            value={value.offlineBehavior}
            choices={OFFLINE_BEHAVIORS}
            onChange={(offlineBehavior) => set({ offlineBehavior })}
            hint="What visitors see outside office hours."
          />
        </>
      )}
      <SelectField
        label="Typical reply time"
        value={value.typicalReplyTime}
        choices={TYPICAL_REPLY_TIMES}
        onChange={(typicalReplyTime) => set({ typicalReplyTime })}
        hint="Shown to visitors while the chat is available."
      />
      <TextAreaField
        label="Away message"
        value={value.awayMessage}
        onInput={(awayMessage) => set({ awayMessage })}
        hint="Shown when nobody is available (and outside office hours, if chosen above). Plain text."
      />
      <SelectField
        label="When at capacity"
        value={value.atCapacityBehavior}
        choices={AT_CAPACITY_BEHAVIORS}
        onChange={(atCapacityBehavior) => set({ atCapacityBehavior })}
        hint="When every user these chats can reach has their maximum of open chats."
      />
      <TextAreaField
        label="Waiting message"
        value={value.waitingMessage}
        onInput={(waitingMessage) => set({ waitingMessage })}
        hint="Shown with the visitor's place in line while everyone is busy. Plain text."
      />
    </fieldset>
  );
}
