import type { ConversationSummary } from '@parley/protocol';
import { useId, useState } from 'preact/hooks';
import { api } from '../api/endpoints.js';
import { errorText } from '../api/request.js';
import { scheduleCountsRefresh, upsertConversation } from '../state/conversations.js';
import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';
import { RoutingBadge } from './RoutingBadge.js';
import { SnoozeControl, SnoozedUntil } from './snooze/SnoozeControl.js';
import { TicketPropertiesControl } from './ticketProperties/TicketPropertiesControl.js';
import { assignChoice, assigneeChoice, TeamAssignOptions, TeamLabel } from './lists/TeamAssignOptions.js';

/** Visitor name, status and assignee, with the actions that change them. */
export function ThreadHeader({ conversation }: { conversation: ConversationSummary }) {
  const me = useStore(inbox, (state) => state.session?.user);
  const users = useStore(inbox, (state) => state.users);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const isOpen = conversation.status === 'open';
  const assignee = conversation.assignee;

  async function run(action: () => Promise<{ conversation: ConversationSummary }>) {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      upsertConversation(result.conversation);
      scheduleCountsRefresh();
      // "Assign to me" and "Close conversation" vanish once done; keep keyboard focus in the thread.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) document.getElementById('thread-title')?.focus();
      });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  const assignTo = (userId: number | null) => run(() => api.assign(conversation.id, userId));
  // Someone assigned who is no longer in the users list still needs an option to be selected.
  const assigneeMissing = assignee !== null && !users.some((u) => u.id === assignee.id);

  return (
    <header class="thread-header">
      <div class="thread-heading">
        <h2 id="thread-title" tabIndex={-1}>{conversation.visitor.name}</h2>
        <p class="thread-status">
          <span class={`status status-${conversation.status}`}>{isOpen ? 'Open' : 'Closed'}</span>
          <RoutingBadge conversation={conversation} />
          <span>{assignee ? `Assigned to ${assignee.name}` : 'Unassigned'}</span>
          <TeamLabel conversation={conversation} />
          <SnoozedUntil conversation={conversation} />
        </p>
      </div>
      {isOpen && me && (
        <div class="thread-actions">
          {assignee?.id !== me.id && (
            <button type="button" class="button primary" aria-disabled={busy} onClick={() => busy || void assignTo(me.id)}>
              Assign to me
            </button>
          )}
          <div class="inline-field">
            <label for={selectId}>Assignee</label>
            <select
              id={selectId}
              value={assigneeChoice(conversation)}
              aria-busy={busy}
              onChange={(event) => {
                const value = event.currentTarget.value;
                void run(() => assignChoice(conversation.id, value));
              }}
            >
              <option value="">Unassigned</option>
              {assigneeMissing && <option value={String(assignee.id)}>{assignee.name}</option>}
              {users.map((user) => (
                <option key={user.id} value={String(user.id)}>
                  {user.name}
                </option>
              ))}
              <TeamAssignOptions />
            </select>
          </div>
          <button type="button" class="button" aria-disabled={busy} onClick={() => busy || void run(() => api.close(conversation.id))}>
            Close conversation
          </button>
          <SnoozeControl conversation={conversation} busy={busy} run={run} />
        </div>
      )}
      <TicketPropertiesControl conversation={conversation} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
