import type { ChatflowLanguage } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { hrefFor, navigate } from '../../router.js';
import { TextField } from '../TextField.js';
import { createChatflow } from './chatflowsStore.js';
import { Dialog } from '../Dialog.js';
import { LanguageSelect } from './LanguageSelect.js';

/** Name and language of a new chatflow on a site; creating it opens its editor. */
export function NewChatflowDialog({ siteId, siteName, onClose }: { siteId: number; siteName: string; onClose: () => void }) {
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<ChatflowLanguage>('en');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError('Give the chatflow a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Unpublished, last by priority, the language's default texts, every page (the server's defaults).
      const chatflow = await createChatflow({ siteId, name: name.trim(), language });
      onClose();
      navigate(hrefFor({ name: 'chatflow', id: chatflow.id }));
    } catch (caught) {
      setError(`Not created: ${errorText(caught)}`);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`New chatflow on ${siteName}`} onClose={onClose}>
      <form class="dialog-form" onSubmit={submit} noValidate>
        <TextField label="Name" value={name} onInput={setName} maxLength={100} required hint="Only your team sees it, e.g. “Pricing pages”." />
        <LanguageSelect value={language} onChange={setLanguage} />
        <p class="field-hint">It starts unpublished, after the site's other chatflows, showing on every page.</p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled={busy}>
            Create chatflow
          </button>
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
