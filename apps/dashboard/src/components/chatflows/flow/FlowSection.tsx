import type { FlowBranch } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../ConfirmDialog.js';
import type { EditorProblem } from '../editorProblems.js';
import { FlowBranchList } from './FlowBranchList.js';
import type { Confirmation, FlowEditing } from './flowEditing.js';
import { isOnFlow } from './flowPlaces.js';
import '../../../styles/flowEditor.css';

interface FlowSectionProps {
  flow: FlowBranch;
  onChange: (flow: FlowBranch) => void;
  /** The editor's shown problems; the flow's are on its cards. */
  problems: readonly EditorProblem[];
  /** Why the live chat cannot run ("offline mode only"), or null. */
  offlineOnly: string | null;
}

/** W8: the chatflow's cards in the Build tab, top to bottom, branches indented under their cards. */
export function FlowSection({ flow, onChange, problems, offlineOnly }: FlowSectionProps) {
  const [asking, setAsking] = useState<Confirmation | null>(null);
  const [announced, setAnnounced] = useState('');
  const editing: FlowEditing = { flow, change: onChange, problems, confirm: setAsking, announce: setAnnounced };
  const ofFlow = problems.filter((problem) => problem.path !== null && isOnFlow(problem.path));

  return (
    <section class="settings-section flow-editor" aria-labelledby="flow-title" aria-describedby={ofFlow.length > 0 ? 'flow-problems' : undefined}>
      <h2 id="flow-title" class="flow-title">
        Flow
      </h2>
      <p class="field-hint">
        The cards run from top to bottom when a visitor starts a chat. Each answer of a question starts its own branch. A live-chat card hands the chat to
        your team and must be the last card of its branch.
      </p>
      {offlineOnly && (
        <p class="flow-offline-only" role="note">
          <strong>Offline mode only.</strong> {offlineOnly} Visitors get the live-chat card's offline message and offline branch.
        </p>
      )}
      {ofFlow.length > 0 && (
        <ul id="flow-problems" class="flow-card-problems form-error">
          {ofFlow.map((problem) => (
            <li key={problem.detail}>{problem.detail}</li>
          ))}
        </ul>
      )}
      <FlowBranchList editing={editing} path={[]} depth={0} where="to the flow" />
      <p class="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
      {asking && (
        <ConfirmDialog title={asking.title} confirmLabel={asking.confirmLabel} failure="Not deleted" onConfirm={async () => asking.run()} onClose={() => setAsking(null)}>
          <p>{asking.body}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
