import type { AdminSite } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { ProblemsAlert } from '../ProblemsAlert.js';
import { TextField } from '../TextField.js';
import { createSite, updateSite } from './adminSites.js';
import { originsText, parseAllowedOrigins } from './allowedOrigins.js';
import { OriginsField } from './OriginsField.js';

interface SiteFormProps {
  /** Absent: a new site. */
  site?: AdminSite;
  onDone: (saved: AdminSite | null) => void;
}

/** Create or edit a site: its name and the origins the widget may run on. */
export function SiteForm({ site, onDone }: SiteFormProps) {
  const [name, setName] = useState(site?.name ?? '');
  const [origins, setOrigins] = useState(originsText(site?.allowedOrigins ?? []));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const title = site ? `Edit ${site.name}` : 'New site';

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseAllowedOrigins(origins);
    const found = [...(name.trim() ? [] : ['Give the site a name.']), ...parsed.problems];
    if (found.length > 0) return setProblems(found);
    setBusy(true);
    setProblems([]);
    try {
      const body = { name: name.trim(), allowedOrigins: parsed.origins };
      onDone(site ? await updateSite(site.id, body) : await createSite(body));
    } catch (caught) {
      setProblems([`Not saved: ${errorText(caught)}`]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="site-form" aria-label={title} onSubmit={submit} noValidate>
      <h2 class="card-title">{title}</h2>
      <TextField label="Site name" value={name} onInput={setName} maxLength={100} required />
      <OriginsField value={origins} onInput={setOrigins} invalid={problems.some((p) => p.startsWith('Line '))} />
      <ProblemsAlert problems={problems} />
      <div class="form-actions">
        <button type="submit" class="button primary" aria-disabled={busy}>
          {site ? 'Save site' : 'Create site'}
        </button>
        {site && (
          <button type="button" class="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
