import type { Lead, LeadStatus } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { hrefFor, onLinkClick } from '../../router.js';
import { setLeadStatus } from '../../state/leads.js';
import { moneyText, STATUS_LABELS } from './leadFormat.js';

/** One lead or deal: what it is worth, who it is with, and its status to move (open / won / lost). */
export function LeadRow({ lead }: { lead: Lead }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = `lead-status-${lead.id}`;

  async function change(status: LeadStatus) {
    setBusy(true);
    setError(null);
    try {
      await setLeadStatus(lead, status);
    } catch (caught) {
      setError(`Not changed: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <td>{lead.title}</td>
      <td data-label="Contact">
        {lead.contactId !== null && lead.contactName !== null ? (
          <a href={hrefFor({ name: 'contact', id: lead.contactId })} onClick={onLinkClick}>
            {lead.contactName}
          </a>
        ) : (
          '—'
        )}
      </td>
      <td data-label="Organization">{lead.organization ?? '—'}</td>
      <td data-label="Value">{moneyText(lead)}</td>
      <td data-label="Expected close">{lead.expectedCloseDate ?? '—'}</td>
      <td data-label="Status">
        <select
          id={selectId}
          aria-label={`Status of ${lead.title}`}
          value={lead.status}
          aria-busy={busy}
          aria-describedby={error ? `${selectId}-error` : undefined}
          onChange={(event) => void change(event.currentTarget.value as LeadStatus)}
        >
          {(Object.keys(STATUS_LABELS) as LeadStatus[]).map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${selectId}-error`} class="form-error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td data-label="Conversation">
        {lead.conversationId !== null ? (
          <a href={hrefFor({ name: 'conversation', id: lead.conversationId })} onClick={onLinkClick} aria-label={`Open conversation of ${lead.title}`}>
            Open conversation
          </a>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
