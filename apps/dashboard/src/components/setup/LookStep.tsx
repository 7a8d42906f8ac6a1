import { validateSettings } from '@parley/chatflow';
import { TextField } from '../TextField.js';
import { AccentColorField } from '../chatflows/AccentColorField.js';
import type { WizardDraft } from './wizardDraft.js';

type Look = Pick<WizardDraft, 'accentColor' | 'headingName'>;

/** Step 1: the accent colour and the name at the top of the chat (custom branding, W2). */
export function LookStep({ value, onChange }: { value: Look; onChange: (value: Look) => void }) {
  return (
    <div class="wizard-fields">
      <AccentColorField value={value.accentColor} onChange={(accentColor) => onChange({ ...value, accentColor })} />
      <TextField
        label="Chat heading"
        value={value.headingName}
        onInput={(headingName) => onChange({ ...value, headingName })}
        maxLength={80}
        hint="Your team's or business's name, shown at the top of the chat."
      />
    </div>
  );
}

/** The engine's own checks (the server runs the same), plus: the heading cannot be blank. */
export function lookProblems(value: Look): string[] {
  const problems = validateSettings({ accentColor: value.accentColor, headingName: value.headingName.trim() }, true).map((p) => p.message);
  if (!value.headingName.trim()) problems.push('Give the chat a heading, e.g. your business name.');
  return [...new Set(problems)];
}
