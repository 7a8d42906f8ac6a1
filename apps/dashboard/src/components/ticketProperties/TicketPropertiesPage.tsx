/**
 * The "Ticket properties" page (issue 12, admins): the custom properties agents fill in on each
 * conversation, next to Priority and Category. Each has a label, a key (fixed once saved) and a
 * type: text, or a select with its options. Saved as one list, in the order shown.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { ticketPropertyApi } from '../../api/ticketPropertyEndpoints.js';
import { setTicketPropertyDefinitions } from '../../state/ticketPropertyDefinitions.js';
import { ProblemsAlert } from '../ProblemsAlert.js';
import { TextAreaField } from '../fields/TextAreaField.js';
import { TextField } from '../TextField.js';
import '../../styles/ticketProperties.css';
import { definitionProblems, draftsOf, keyFromLabel, newDraft, toDefinitions, type DefinitionDraft } from './definitionDrafts.js';

function DefinitionEditor({ draft, index, onChange, onRemove }: { draft: DefinitionDraft; index: number; onChange: (next: DefinitionDraft) => void; onRemove: () => void }) {
  const typeId = useId();
  const name = draft.label.trim() || `Property ${index + 1}`;
  return (
    <fieldset class="ticket-definition">
      <legend>{name}</legend>
      <div class="ticket-definition-fields">
        <TextField
          label="Label"
          value={draft.label}
          maxLength={80}
          // A new property's key follows its label until the key is typed by hand.
          onInput={(label) => onChange({ ...draft, label, key: draft.saved || draft.key !== keyFromLabel(draft.label) ? draft.key : keyFromLabel(label) })}
        />
        {draft.saved ? (
          <div class="field">
            <span class="field-label">Key</span>
            <code>{draft.key}</code>
          </div>
        ) : (
          <TextField label="Key" value={draft.key} maxLength={32} onInput={(key) => onChange({ ...draft, key })} hint="Lowercase letters, digits, - and _. Fixed once saved." />
        )}
        <div class="field">
          <label for={typeId}>Type</label>
          <select id={typeId} value={draft.type} onChange={(event) => onChange({ ...draft, type: event.currentTarget.value === 'select' ? 'select' : 'text' })}>
            <option value="text">Text</option>
            <option value="select">Select (a list of options)</option>
          </select>
        </div>
      </div>
      {draft.type === 'select' && <TextAreaField label="Options" value={draft.options} rows={3} onInput={(options) => onChange({ ...draft, options })} hint="One option per line." />}
      <div class="ticket-definition-actions">
        <button type="button" class="button danger" onClick={onRemove}>
          Remove {name}
        </button>
      </div>
    </fieldset>
  );
}

export function TicketPropertiesPage() {
  const [drafts, setDrafts] = useState<DefinitionDraft[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  async function load() {
    setLoadError(null);
    try {
      const { definitions } = await ticketPropertyApi.definitions();
      setTicketPropertyDefinitions(definitions);
      setDrafts(draftsOf(definitions));
    } catch (caught) {
      setLoadError(errorText(caught));
    }
  }
  useEffect(() => void load(), []);

  const change = (row: number, next: DefinitionDraft | null) => {
    setStatus('');
    setDrafts((current) => (current ?? []).flatMap((d) => (d.row !== row ? [d] : next ? [next] : [])));
  };

  async function save(event: Event) {
    event.preventDefault();
    if (!drafts || busy) return;
    const found = definitionProblems(drafts);
    setProblems(found);
    setStatus('');
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { definitions } = await ticketPropertyApi.saveDefinitions({ definitions: toDefinitions(drafts) });
      setTicketPropertyDefinitions(definitions);
      setDrafts(draftsOf(definitions));
      setStatus('Ticket properties saved.');
    } catch (caught) {
      setProblems([`Not saved: ${errorText(caught)}`]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="page">
      <h1 class="pane-title" tabIndex={-1}>
        Ticket properties
      </h1>
      <p class="field-hint">Every conversation has a Priority and a Category. Add your own properties here; agents set them in the conversation header, and each chatflow can give new conversations a starting value (Options tab).</p>
      {loadError && (
        <div class="list-message" role="alert">
          <p>Could not load the ticket properties: {loadError}</p>
          <button type="button" class="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {!drafts && !loadError && <p role="status">Loading ticket properties…</p>}
      {drafts && (
        <form class="ticket-definitions" onSubmit={save} noValidate aria-label="Custom ticket properties">
          {drafts.length === 0 && <p class="field-hint">No custom properties yet.</p>}
          {drafts.map((draft, index) => (
            <DefinitionEditor key={draft.row} draft={draft} index={index} onChange={(next) => change(draft.row, next)} onRemove={() => change(draft.row, null)} />
          ))}
          <ProblemsAlert problems={problems} />
          <div class="ticket-definitions-actions">
            <button type="button" class="button" onClick={() => setDrafts([...drafts, newDraft()])}>
              Add property
            </button>
            <button type="submit" class="button primary" aria-disabled={busy}>
              Save
            </button>
          </div>
          <p class="form-status" role="status">
            {busy ? 'Saving…' : status}
          </p>
        </form>
      )}
    </div>
  );
}
