/**
 * A6, the Macros page: shared macros (everyone uses them, admins change them) and my personal
 * ones, with the variables a body may use. Bodies are shown as text, never as HTML.
 */
import type { Macro } from '@parley/protocol';
import { MACRO_VARIABLES } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { forgetMacros, macroApi } from '../../macros/macroApi.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { MacroForm } from './MacroForm.js';
import '../../styles/macros.css';

const VARIABLE_HINTS: Record<(typeof MACRO_VARIABLES)[number], string> = {
  'contact.name': 'the contact’s first and last name',
  'contact.first_name': 'the contact’s first name',
  'contact.last_name': 'the contact’s last name',
  'contact.email': 'the contact’s email',
  'contact.phone': 'the contact’s phone',
  'contact.organization': 'the contact’s organization',
  'agent.name': 'your name',
  'agent.first_name': 'the first word of your name',
};

function MacroItem({ macro, canEdit, onEdit, onDeleted }: { macro: Macro; canEdit: boolean; onEdit: () => void; onDeleted: (error: string | null) => void }) {
  async function remove() {
    if (!confirm(`Delete the macro /${macro.shortcut}?`)) return;
    try {
      await macroApi.remove(macro.id);
      forgetMacros();
      onDeleted(null);
    } catch (error) {
      onDeleted(errorText(error));
    }
  }
  return (
    <article class="macro-item" aria-label={`/${macro.shortcut}`}>
      <h3>
        <span class="macro-shortcut">/{macro.shortcut}</span> {macro.title}
      </h3>
      <p class="macro-body">{macro.body}</p>
      {canEdit && (
        <div class="form-actions">
          <button type="button" class="button" onClick={onEdit} aria-label={`Edit /${macro.shortcut}`}>
            Edit
          </button>
          <button type="button" class="button danger" onClick={() => void remove()} aria-label={`Delete /${macro.shortcut}`}>
            Delete
          </button>
        </div>
      )}
    </article>
  );
}

export function MacrosPage() {
  const isAdmin = useStore(inbox, (state) => state.session?.user.role === 'admin');
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [status, setStatus] = useState('');

  async function load() {
    setError(null);
    try {
      setMacros((await macroApi.list()).macros);
    } catch (caught) {
      setError(errorText(caught));
    }
  }
  useEffect(() => {
    forgetMacros();
    void load();
  }, []);

  function section(title: string, list: Macro[], canEdit: boolean, empty: string) {
    return (
      <section class="macro-section" aria-label={title}>
        <h2>{title}</h2>
        {list.length === 0 && <p class="field-hint">{empty}</p>}
        <ul class="macro-list">
          {list.map((macro) => (
            <li key={macro.id}>
              {editing === macro.id ? (
                <MacroForm
                  macro={macro}
                  isAdmin={isAdmin}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) setStatus(`Macro /${saved.shortcut} saved.`);
                    void load();
                  }}
                />
              ) : (
                <MacroItem
                  macro={macro}
                  canEdit={canEdit}
                  onEdit={() => setEditing(macro.id)}
                  onDeleted={(problem) => {
                    setStatus(problem ? `Could not delete: ${problem}` : `Macro /${macro.shortcut} deleted.`);
                    void load();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <div class="page macros-page">
      <h1 class="pane-title" tabIndex={-1}>
        Macros
      </h1>
      <p class="field-hint">Type / and a shortcut in the reply box to insert a macro; arrow keys choose, Enter or Tab inserts, Escape closes.</p>
      <section class="macro-variables" aria-labelledby="macro-variables-title">
        <h2 id="macro-variables-title">Variables</h2>
        <dl>
          {MACRO_VARIABLES.map((name) => (
            <div key={name}>
              <dt>
                <code>{`{{${name}}}`}</code>
              </dt>
              <dd>{VARIABLE_HINTS[name]}</dd>
            </div>
          ))}
        </dl>
        <p class="field-hint">
          The contact is the one shown beside the chat; for a visitor who is not a contact yet, or a field the contact leaves empty,
          the visitor’s own name, email, phone and organization (as the site gave them) are used instead.
        </p>
        <p class="field-hint">A variable with no value is left empty; a misspelled one stays in the text so you notice it before sending.</p>
      </section>
      {error && (
        <div class="list-message" role="alert">
          <p>Could not load the macros: {error}</p>
          <button type="button" class="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {!macros && !error && <p role="status">Loading macros…</p>}
      {macros && section('Shared macros', macros.filter((m) => m.ownerUserId === null), isAdmin, isAdmin ? 'No shared macros yet.' : 'No shared macros yet. Admins create them.')}
      {macros && section('My macros', macros.filter((m) => m.ownerUserId !== null), true, 'No personal macros yet.')}
      <MacroForm macro={null} isAdmin={isAdmin} onDone={(saved) => {
        if (saved) setStatus(`Macro /${saved.shortcut} created.`);
        void load();
      }} />
      <p class="form-status" role="status">
        {status}
      </p>
    </div>
  );
}
