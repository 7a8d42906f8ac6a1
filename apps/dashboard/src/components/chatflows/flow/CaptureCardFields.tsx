import { CAPTURE_BUILTIN_FIELDS, LIMITS, type CaptureBuiltinField, type CaptureCard } from '@parley/protocol';
import { useId } from 'preact/hooks';
import { TagsInput } from '../../fields/TagsInput.js';
import { TextAreaField } from '../../fields/TextAreaField.js';

/** The built-in fields as the editor names them (the widget names them in the chatflow's language). */
const FIELD_NAMES: Record<CaptureBuiltinField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
};
const BUILTIN: readonly string[] = CAPTURE_BUILTIN_FIELDS;

/** The text above the fields, the built-in fields to ask for, and custom contact properties. */
export function CaptureCardFields({ card, onChange }: { card: CaptureCard; onChange: (card: CaptureCard) => void }) {
  const id = useId();
  const custom = card.fields.filter((field) => !BUILTIN.includes(field));

  function toggle(field: CaptureBuiltinField, on: boolean) {
    // Checking one adds it after the others, so the visitor is asked in the order they were chosen.
    const fields = on ? [...card.fields, field] : card.fields.filter((each) => each !== field);
    onChange({ ...card, fields });
  }

  return (
    <>
      <TextAreaField label="Text above the fields" value={card.text} maxLength={LIMITS.flowTextMaxLength} rows={2} onInput={(text) => onChange({ ...card, text })} hint="For example: Where can we reach you?" />
      <fieldset class="checkbox-group" aria-describedby={`${id}-hint`}>
        <legend>Fields to ask for</legend>
        <p id={`${id}-hint`} class="field-hint">
          The details become the visitor's contact. Each field is checked (a valid email, a phone number) in the chatflow's language.
        </p>
        <ul class="flow-capture-fields">
          {CAPTURE_BUILTIN_FIELDS.map((field) => (
            <li key={field}>
              <label class="checkbox">
                <input type="checkbox" checked={card.fields.includes(field)} onChange={(event) => toggle(field, event.currentTarget.checked)} />
                <span>{FIELD_NAMES[field]}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TagsInput
        label="Custom contact properties"
        tags={custom}
        maxTags={LIMITS.flowCaptureFieldsMax}
        onChange={(tags) => onChange({ ...card, fields: [...card.fields.filter((field) => BUILTIN.includes(field)), ...tags] })}
        hint="Keys of the contact's custom properties to ask for too (plan, order_number); press Enter after each."
      />
    </>
  );
}
