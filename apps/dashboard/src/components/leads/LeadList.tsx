import type { Lead } from '@parley/protocol';
import { hrefFor, onLinkClick } from '../../router.js';
import { moneyText, STATUS_LABELS } from './leadFormat.js';

/** A contact's leads and deals, in short (the Leads and Deals pages have the full table). */
export function LeadList({ leads }: { leads: Lead[] }) {
  return (
    <ul class="contact-leads">
      {leads.map((lead) => (
        <li key={lead.id}>
          <strong>{lead.title}</strong> <span class="field-hint">
            {lead.kind === 'deal' ? 'Deal' : 'Lead'} · {STATUS_LABELS[lead.status]} · {moneyText(lead)}
            {lead.expectedCloseDate && ` · closes ${lead.expectedCloseDate}`}
          </span>{' '}
          {lead.conversationId !== null && (
            <a href={hrefFor({ name: 'conversation', id: lead.conversationId })} onClick={onLinkClick}>
              Conversation {lead.conversationId}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
