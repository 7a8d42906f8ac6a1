import { useId } from 'preact/hooks';
import { TextField } from '../TextField.js';
import { HEADING_MAX, HEX_COLOR, type WizardDraft } from './wizardDraft.js';

type Look = Pick<WizardDraft, 'accentColor' | 'headingName'>;

/** Step 1: the accent colour and the name at the top of the chat (custom branding, W2). */
export function LookStep({ value, onChange }: { value: Look; onChange: (value: Look) => void }) {
  const id = useId();
  const valid = HEX_COLOR.test(value.accentColor);
  return (
    <div class="wizard-fields">
      <div class="field">
        <label for={`${id}-hex`}>Accent colour</label>
        <div class="color-row">
          {/* The picker and the hex field edit the same value; the picker only takes a valid one. */}
          <input
            type="color"
            aria-label="Accent colour picker"
            value={valid ? value.accentColor.toLowerCase() : '#000000'}
            onInput={(event) => onChange({ ...value, accentColor: event.currentTarget.value })}
          />
          <input
            id={`${id}-hex`}
            type="text"
            value={value.accentColor}
            maxLength={7}
            spellcheck={false}
            aria-invalid={!valid || undefined}
            aria-describedby={`${id}-hint`}
            onInput={(event) => onChange({ ...value, accentColor: event.currentTarget.value.trim() })}
          />
        </div>
        <p id={`${id}-hint`} class="field-hint">
          The launcher, the chat header and your messages use it. A hex colour like #2f6fdf.
        </p>
      </div>
      <TextField
        label="Chat heading"
        value={value.headingName}
        onInput={(headingName) => onChange({ ...value, headingName })}
        maxLength={HEADING_MAX}
        hint="Your team's or business's name, shown at the top of the chat."
      />
    </div>
  );
}

export function lookProblems(value: Look): string[] {
  const problems: string[] = [];
  if (!HEX_COLOR.test(value.accentColor)) problems.push('Write the accent colour as # and six hex digits, e.g. #2f6fdf.');
  if (!value.headingName.trim()) problems.push('Give the chat a heading, e.g. your business name.');
  return problems;
}
