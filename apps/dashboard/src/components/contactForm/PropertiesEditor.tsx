import { CONTACT_LIMITS } from '@parley/protocol';
import type { PropertyRow } from './contactDraft.js';

/** Custom properties as name/value rows: add, edit, remove. A row with no name is left out on save. */
export function PropertiesEditor({ rows, problem, onChange }: { rows: PropertyRow[]; problem: string | null; onChange: (rows: PropertyRow[]) => void }) {
  const change = (index: number, patch: Partial<PropertyRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="contact-properties">
      <legend>Custom properties</legend>
      {rows.length === 0 && <p class="field-hint">None yet.</p>}
      {rows.map((row, index) => (
        <div class="property-row" key={index}>
          <input
            aria-label={`Property ${index + 1} name`}
            value={row.key}
            maxLength={CONTACT_LIMITS.propertyKeyMaxLength}
            onInput={(event) => change(index, { key: event.currentTarget.value })}
          />
          <input
            aria-label={`Property ${index + 1} value`}
            value={row.value}
            maxLength={CONTACT_LIMITS.propertyValueMaxLength}
            onInput={(event) => change(index, { value: event.currentTarget.value })}
          />
          <button type="button" class="button small" aria-label={`Remove property ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      {rows.length < CONTACT_LIMITS.propertiesMaxCount && (
        <button type="button" class="button small" onClick={() => onChange([...rows, { key: '', value: '' }])}>
          Add property
        </button>
      )}
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
