/**
 * Create or edit one macro (A6). The scope is chosen when creating (admins may make a shared
 * one) and fixed afterwards. Problems come from the catalogue code, so a taken shortcut says so.
 */
import type { Macro } from '@parley/protocol';
import { MACRO_BODY_MAX_LENGTH, MACRO_SHORTCUT_MAX_LENGTH, MACRO_TITLE_MAX_LENGTH } from '@parley/protocol';
import { useId, useState } from 'preact/hooks';
import { ApiError, errorText } from '../../api/request.js';
import { forgetMacros, macroApi } from '../../macros/macroApi.js';
import { TextAreaField } from '../fields/TextAreaField.js';
import { ProblemsAlert } from '../ProblemsAlert.js';
import { TextField } from '../TextField.js';

const SHORTCUT = /^[a-z0-9_-]{1,32}$/;

function problemText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'macro_shortcut_taken') return 'This shortcut is already used. Choose another one.';
  if (error instanceof ApiError && error.code === 'forbidden') return 'Only admins can change shared macros.';
  return errorText(error);
}

interface MacroFormProps {
  /** Null: a new macro. */
  macro: Macro | null;
  isAdmin: boolean;
  onDone: (saved: Macro | null) => void;
}

export function MacroForm({ macro, isAdmin, onDone }: MacroFormProps) {
  const [shortcut, setShortcut] = useState(macro?.shortcut ?? '');
  const [title, setTitle] = useState(macro?.title ?? '');
  const [body, setBody] = useState(macro?.body ?? '');
  const [shared, setShared] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  async function save(event: Event) {
    event.preventDefault();
    const clean = shortcut.trim().replace(/^\//, '').toLowerCase();
    const found: string[] = [];
    if (!SHORTCUT.test(clean)) found.push(`A shortcut needs 1 to ${MACRO_SHORTCUT_MAX_LENGTH} lowercase letters, digits, - or _.`);
    if (!title.trim()) found.push('Give the macro a title.');
    if (!body.trim()) found.push('Write the text the macro inserts.');
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = macro
        ? (await macroApi.update(macro.id, { shortcut: clean, title, body })).macro
        : (await macroApi.create({ shortcut: clean, title, body, shared: isAdmin && shared })).macro;
      forgetMacros();
      if (!macro) {
        setShortcut('');
        setTitle('');
        setBody('');
      }
      onDone(saved);
    } catch (error) {
      setProblems([problemText(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="settings-form macro-form" onSubmit={save} aria-labelledby={headingId}>
      <h2 id={headingId}>{macro ? `Edit /${macro.shortcut}` : 'New macro'}</h2>
      <TextField label="Shortcut" value={shortcut} onInput={setShortcut} required maxLength={MACRO_SHORTCUT_MAX_LENGTH + 1} hint="Type / and this in the reply box, e.g. greet. Lowercase letters, digits, - and _." />
      <TextField label="Title" value={title} onInput={setTitle} required maxLength={MACRO_TITLE_MAX_LENGTH} />
      <TextAreaField label="Text" value={body} onInput={setBody} maxLength={MACRO_BODY_MAX_LENGTH} rows={4} hint="Variables are filled in when you insert the macro (see the list above)." />
      {!macro && isAdmin && (
        <fieldset class="macro-scope-choice">
          <legend>Who can use it</legend>
          <label>
            <input type="radio" name={`${headingId}-scope`} checked={!shared} onChange={() => setShared(false)} /> Only me
          </label>
          <label>
            <input type="radio" name={`${headingId}-scope`} checked={shared} onChange={() => setShared(true)} /> Everyone (shared)
          </label>
        </fieldset>
      )}
      <ProblemsAlert problems={problems} />
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {macro ? 'Save macro' : 'Create macro'}
        </button>
        {macro && (
          <button type="button" class="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
