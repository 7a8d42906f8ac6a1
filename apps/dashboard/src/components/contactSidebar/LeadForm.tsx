import { CURRENCY_PATTERN, DEAL_VALUE_PATTERN, type Contact, type CreateLeadRequest, type LeadKind } from '@parley/protocol';
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, errorText } from '../../api/request.js';
import { createLead } from '../../state/contactSidebar.js';
import { fieldOfError } from '../contactForm/contactDraft.js';

const WORD: Record<LeadKind, string> = { lead: 'lead', deal: 'deal' };
type LeadField = 'title' | 'value' | 'currency' | 'expectedCloseDate' | 'note';
const LABELS: Record<LeadField, string> = { title: 'Title', value: 'Value', currency: 'Currency', expectedCloseDate: 'Expected close date', note: 'Note' };
const FIELDS = Object.keys(LABELS) as LeadField[];

interface LeadFormProps {
  conversationId: number;
  kind: LeadKind;
  contact: Contact | null;
  onDone: (created: string | null) => void;
}

/** The small form behind "Create lead" / "Create deal"; the chat stays as it is. */
export function LeadForm({ conversationId, kind, contact, onDone }: LeadFormProps) {
  const id = useId();
  // A deal starts from what the contact's deal says; a lead starts empty.
  const [values, setValues] = useState<Record<LeadField, string>>({
    title: '',
    value: kind === 'deal' ? (contact?.dealValue ?? '') : '',
    currency: contact?.currency ?? '',
    expectedCloseDate: kind === 'deal' ? (contact?.expectedCloseDate ?? '') : '',
    note: '',
  });
  const [problem, setProblem] = useState<{ field: LeadField | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLInputElement>(null);
  useEffect(() => title.current?.focus(), []);

  function check(): { field: LeadField; text: string } | null {
    if (values.title.trim() === '') return { field: 'title', text: 'Title: required.' };
    if (values.value.trim() && !new RegExp(DEAL_VALUE_PATTERN).test(values.value.trim())) return { field: 'value', text: 'Value: digits with an optional decimal point, e.g. 1250.50.' };
    if (values.currency.trim() && !new RegExp(CURRENCY_PATTERN).test(values.currency.trim().toUpperCase())) return { field: 'currency', text: 'Currency: three letters, e.g. EUR.' };
    return null;
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found = check();
    setProblem(found);
    if (found) return;
    const orNull = (value: string) => (value.trim() === '' ? null : value);
    const body: CreateLeadRequest = {
      title: values.title,
      value: orNull(values.value.trim()),
      currency: orNull(values.currency.trim().toUpperCase()),
      expectedCloseDate: orNull(values.expectedCloseDate),
      note: orNull(values.note),
    };
    setBusy(true);
    try {
      const lead = await createLead(conversationId, kind, body);
      onDone(`${kind === 'lead' ? 'Lead' : 'Deal'} created: ${lead.title}`);
    } catch (caught) {
      const field = caught instanceof ApiError ? fieldOfError(caught.code, caught.detail, FIELDS) : null;
      setProblem({ field, text: errorText(caught) });
      setBusy(false);
    }
  }

  const field = (name: LeadField, control: (common: Record<string, unknown>) => JSX.Element) => {
    const fieldId = `${id}-${name}`;
    const invalid = problem?.field === name;
    return (
      <div class={`field lead-field-${name}`}>
        <label for={fieldId}>{LABELS[name]}</label>
        {control({ id: fieldId, 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? `${id}-problem` : undefined })}
      </div>
    );
  };
  const set = (name: LeadField) => (event: Event) => setValues((current) => ({ ...current, [name]: (event.currentTarget as HTMLInputElement).value }));

  return (
    <form class="lead-form" aria-label={`New ${WORD[kind]}`} onSubmit={(event) => void submit(event)} noValidate>
      {field('title', (common) => <input {...common} ref={title} type="text" value={values.title} onInput={set('title')} autoComplete="off" />)}
      <div class="money-row">
        {field('value', (common) => <input {...common} type="text" inputMode="decimal" value={values.value} onInput={set('value')} autoComplete="off" />)}
        {field('currency', (common) => <input {...common} type="text" maxLength={3} value={values.currency} onInput={set('currency')} autoComplete="off" />)}
      </div>
      {field('expectedCloseDate', (common) => <input {...common} type="date" value={values.expectedCloseDate} onInput={set('expectedCloseDate')} />)}
      {field('note', (common) => <textarea {...common} rows={2} value={values.note} onInput={set('note')} />)}
      {problem && (
        <p id={`${id}-problem`} class="form-error" role="alert">
          {problem.text}
        </p>
      )}
      <div class="contact-actions">
        <button type="submit" class="button primary small" disabled={busy}>
          {busy ? 'Saving…' : `Save ${WORD[kind]}`}
        </button>
        <button type="button" class="button subtle small" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
