import { validateSettings } from '@parley/chatflow';
import { TextAreaField } from '../fields/TextAreaField.js';

/** Step 2: the first message a visitor reads (and the prompt bubble's text). */
export function WelcomeStep({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div class="wizard-fields">
      <TextAreaField
        label="Welcome message"
        value={value}
        onInput={onChange}
        maxLength={1000}
        rows={4}
        hint="The first message visitors see when they open the chat, and the text of the prompt bubble. Plain text."
      />
    </div>
  );
}

export function welcomeProblems(value: string): string[] {
  if (!value.trim()) return ['Write a welcome message.'];
  return validateSettings({ welcomeMessage: value.trim() }, true).map((p) => p.message);
}
