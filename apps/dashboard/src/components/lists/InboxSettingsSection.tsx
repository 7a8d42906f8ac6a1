import '../../styles/lists.css';
import { useEffect, useId, useState } from 'preact/hooks';
import { listApi } from '../../api/listEndpoints.js';
import { errorText } from '../../api/request.js';
import { refreshCounts } from '../../state/conversations.js';
import { inbox } from '../../state/inboxStore.js';

/**
 * The workspace's "Agents see All" setting (I3), for admins: on (the default), agents get the All
 * view and its count; off, only admins do (the server refuses view=all for agents).
 */
export function InboxSettingsSection() {
  const [agentsSeeAll, setAgentsSeeAll] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    listApi.inboxSettings().then(
      (settings) => setAgentsSeeAll(settings.agentsSeeAll),
      (caught) => setError(errorText(caught)),
    );
  }, []);

  async function change(next: boolean) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const saved = await listApi.saveInboxSettings({ agentsSeeAll: next });
      setAgentsSeeAll(saved.agentsSeeAll);
      inbox.update((state) => (state.session ? { ...state, session: { ...state.session, workspace: { ...state.session.workspace, agentsSeeAll: saved.agentsSeeAll } } } : state));
      void refreshCounts();
      setStatus(saved.agentsSeeAll ? 'Agents now see the All view.' : 'Only admins see the All view now.');
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="inbox-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Inbox views</h2>
      <label class="checkbox-field">
        <input
          type="checkbox"
          checked={agentsSeeAll ?? true}
          disabled={agentsSeeAll === null}
          aria-busy={busy}
          aria-describedby={`${id}-hint`}
          onChange={(event) => busy || void change(event.currentTarget.checked)}
        />
        Agents see All
      </label>
      <p id={`${id}-hint`} class="field-hint">
        When off, agents get Unassigned, Mine, their teams, Snoozed and Closed, but not the All view or its count. Admins always see All.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <p class="form-status" role="status">
        {status}
      </p>
    </section>
  );
}
