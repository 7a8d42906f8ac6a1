/**
 * Options tab (issue 12): the ticket properties a new conversation in this chatflow starts with.
 * The same inputs as the thread header, editing the draft; the server checks the values against
 * the workspace's definitions when the chatflow is saved.
 */
import type { ChatflowTicketDefaults } from '@parley/protocol';
import { useTicketPropertyDefinitions } from '../../state/ticketPropertyDefinitions.js';
import { CategoryInput, CustomPropertyField, PrioritySelect } from '../ticketProperties/TicketFieldInputs.js';
import '../../styles/ticketProperties.css';

interface TicketDefaultsSectionProps {
  value: ChatflowTicketDefaults;
  onChange: (value: ChatflowTicketDefaults) => void;
}

export function TicketDefaultsSection({ value, onChange }: TicketDefaultsSectionProps) {
  const definitions = useTicketPropertyDefinitions() ?? [];
  const setProperty = (key: string, text: string) => {
    const properties = { ...value.properties };
    if (text.trim() === '') delete properties[key];
    else properties[key] = text;
    onChange({ ...value, properties });
  };
  return (
    <fieldset class="settings-section">
      <legend>New conversations start with</legend>
      <p class="field-hint">Agents can change these in each conversation. Only your team sees them, never the visitor.</p>
      <div class="ticket-props-fields ticket-defaults">
        <PrioritySelect value={value.priority} onChange={(priority) => onChange({ ...value, priority })} />
        <CategoryInput value={value.category} live onText={(category) => onChange({ ...value, category })} />
        {definitions.map((definition) => (
          <CustomPropertyField key={definition.key} definition={definition} value={value.properties[definition.key]} live onValue={(text) => setProperty(definition.key, text)} />
        ))}
      </div>
    </fieldset>
  );
}
