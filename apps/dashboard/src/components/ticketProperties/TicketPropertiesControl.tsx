/**
 * Ticket properties in the thread header (issue 12): Priority, Category and the workspace's
 * custom properties, each saved as soon as it changes. Other inboxes get the change live
 * (conversation.properties_changed). On wide screens the fields sit in a row under the header;
 * on narrow ones a "Properties" button shows or hides them, so a phone keeps room for messages.
 * A closed conversation shows the values without inputs (the server refuses changes then).
 */
import type { ConversationSummary, SetTicketPropertiesRequest } from '@parley/protocol';
import { useEffect, useId, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { ticketPropertyApi } from '../../api/ticketPropertyEndpoints.js';
import { upsertConversation } from '../../state/conversations.js';
import { useTicketPropertyDefinitions } from '../../state/ticketPropertyDefinitions.js';
import '../../styles/ticketProperties.css';
import { PRIORITY_LABELS } from './priorities.js';
import { CategoryInput, CustomPropertyField, PrioritySelect } from './TicketFieldInputs.js';

export function TicketPropertiesControl({ conversation }: { conversation: ConversationSummary }) {
  const definitions = useTicketPropertyDefinitions() ?? [];
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldsId = useId();

  // Another conversation: start with the fields folded (on small screens) and no old error.
  useEffect(() => {
    setOpen(false);
    setError(null);
  }, [conversation.id]);

  if (conversation.status !== 'open') return <TicketPropertiesSummary conversation={conversation} />;

  async function save(change: SetTicketPropertiesRequest) {
    setBusy(true);
    setError(null);
    try {
      upsertConversation((await ticketPropertyApi.set(conversation.id, change)).conversation);
    } catch (caught) {
      setError(`Not saved: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="ticket-props">
      <button type="button" class="button subtle ticket-props-toggle" aria-expanded={open} aria-controls={fieldsId} onClick={() => setOpen(!open)}>
        Properties
      </button>
      <div id={fieldsId} class={open ? 'ticket-props-fields open' : 'ticket-props-fields'} role="group" aria-label="Ticket properties">
        <PrioritySelect value={conversation.priority} disabled={busy} onChange={(priority) => void save({ priority })} />
        <CategoryInput value={conversation.category} live={false} disabled={busy} onText={(category) => void save({ category })} />
        {definitions.map((definition) => (
          <CustomPropertyField
            key={definition.key}
            definition={definition}
            value={conversation.properties[definition.key]}
            live={false}
            disabled={busy}
            onValue={(value) => void save({ properties: { [definition.key]: value === '' ? null : value } })}
          />
        ))}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Read-only values for a closed conversation. */
function TicketPropertiesSummary({ conversation }: { conversation: ConversationSummary }) {
  const definitions = useTicketPropertyDefinitions() ?? [];
  const custom = definitions.filter((definition) => conversation.properties[definition.key] !== undefined);
  return (
    <dl class="ticket-props-summary" aria-label="Ticket properties">
      <div>
        <dt>Priority</dt>
        <dd>{PRIORITY_LABELS[conversation.priority]}</dd>
      </div>
      {conversation.category && (
        <div>
          <dt>Category</dt>
          <dd>{conversation.category}</dd>
        </div>
      )}
      {custom.map((definition) => (
        <div key={definition.key}>
          <dt>{definition.label}</dt>
          <dd>{conversation.properties[definition.key]}</dd>
        </div>
      ))}
    </dl>
  );
}
