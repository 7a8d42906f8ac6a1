import { EMAIL_CAPTURE_LIMITS } from '@parley/chatflow';
import type { ChatflowWidgetSettings, EmailCaptureMode } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { NumberField } from '../fields/NumberField.js';
import { TextAreaField } from '../fields/TextAreaField.js';
import { RadioGroup } from './RadioGroup.js';

export type EmailCaptureValue = Pick<ChatflowWidgetSettings, 'emailCapture' | 'emailCaptureMinutes' | 'emailCapturePrompt'>;

interface EmailCaptureSectionProps {
  value: EmailCaptureValue;
  onChange: (value: EmailCaptureValue) => void;
}

const CHOICES: ReadonlyArray<{ value: EmailCaptureMode; label: string }> = [
  { value: 'never', label: 'Never' },
  { value: 'noReply', label: 'When nobody has replied within some minutes of the first message' },
  { value: 'beforeFirstMessage', label: 'Before the first message (the visitor cannot write until they give one)' },
];

/** W9: when the chat asks for the visitor's email, and what it says. A valid email creates or links a contact. */
export function EmailCaptureSection({ value, onChange }: EmailCaptureSectionProps) {
  // Kept as typed; a half-typed number becomes NaN in the draft, which the engine's check names.
  const [minutes, setMinutes] = useState(String(value.emailCaptureMinutes));
  const { minutesMin, minutesMax, promptMaxLength } = EMAIL_CAPTURE_LIMITS;
  return (
    <fieldset class="settings-section">
      <legend>Email capture</legend>
      <RadioGroup
        legend="Ask for the visitor's email"
        hint="The email links the visitor to a contact (an existing one with that email, or a new one)."
        value={value.emailCapture}
        choices={CHOICES}
        onChange={(emailCapture) => onChange({ ...value, emailCapture })}
      />
      {value.emailCapture === 'noReply' && (
        <NumberField
          label="Minutes without a reply"
          class="narrow-field"
          value={minutes}
          min={minutesMin}
          max={minutesMax}
          invalid={!Number.isInteger(value.emailCaptureMinutes)}
          onInput={(typed) => {
            setMinutes(typed);
            onChange({ ...value, emailCaptureMinutes: typed.trim() === '' ? NaN : Number(typed) });
          }}
        />
      )}
      {value.emailCapture !== 'never' && (
        <TextAreaField
          label="Email prompt"
          hint="Shown above the Email field, in the chatflow's language."
          value={value.emailCapturePrompt}
          maxLength={promptMaxLength}
          rows={2}
          onInput={(emailCapturePrompt) => onChange({ ...value, emailCapturePrompt })}
        />
      )}
    </fieldset>
  );
}
