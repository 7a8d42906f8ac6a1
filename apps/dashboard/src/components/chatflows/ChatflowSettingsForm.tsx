import type { Chatflow } from '@parley/protocol';
import { useRef, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { draftOf, toRequest, type ChatflowDraft } from '../../state/chatflowDraft.js';
import { chatflowProblems } from '../../state/chatflowProblems.js';
import { inbox } from '../../state/inboxStore.js';
import { saveChatflow } from '../../state/sites.js';
import { useStore } from '../../state/store.js';
import { AssignmentSection } from './AssignmentSection.js';
import { AvailabilitySection } from './AvailabilitySection.js';

/**
 * The settings form: edits a draft, checks it, then saves routing and availability together
 * with one PATCH. Problems (ours or the server's) are listed by the Save button and focused.
 */
export function ChatflowSettingsForm({ siteName, chatflow }: { siteName: string; chatflow: Chatflow }) {
  const users = useStore(inbox, (state) => state.users);
  const teams = useStore(inbox, (state) => state.teams);
  const [draft, setDraft] = useState<ChatflowDraft>(() => draftOf(chatflow));
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);

  function change(next: ChatflowDraft) {
    setDraft(next);
    setSaved(false);
  }

  function show(found: string[]) {
    setProblems(found);
    requestAnimationFrame(() => problemsRef.current?.focus());
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const found = chatflowProblems(draft);
    if (found.length > 0) return show(found);
    setBusy(true);
    setProblems([]);
    setSaved(false);
    try {
      await saveChatflow(chatflow.id, toRequest(draft));
      setSaved(true);
    } catch (caught) {
      show([`Not saved: ${errorText(caught)}`]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="settings-form" aria-labelledby="chatflow-title" onSubmit={submit} noValidate>
      <h1 id="chatflow-title" class="pane-title">
        {chatflow.name} <span class="title-note">· {siteName}</span>
      </h1>
      <AssignmentSection
        routing={draft.routing}
        users={users}
        teams={teams}
        onChange={(routing) => change({ ...draft, routing })}
      />
      <AvailabilitySection value={draft.availability} onChange={(availability) => change({ ...draft, availability })} />
      <div class="settings-save">
        {problems.length > 0 && (
          <div class="problems" role="alert" tabIndex={-1} ref={problemsRef} aria-labelledby="problems-title">
            <p id="problems-title" class="form-error">
              {problems.length === 1 ? 'Fix this to save:' : `Fix these ${problems.length} things to save:`}
            </p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" class="button primary" aria-disabled={busy}>
          Save chatflow
        </button>
        <p class="form-status" role="status">
          {saved ? 'Saved.' : ''}
        </p>
      </div>
    </form>
  );
}
