import type { LeadKind } from '@parley/protocol';
import { useEffect } from 'preact/hooks';
import { leadLists, loadLeads } from '../../state/leads.js';
import { useStore } from '../../state/store.js';
import { LeadRow } from './LeadRow.js';
import '../../styles/contacts.css';

const TITLES: Record<LeadKind, { title: string; empty: string }> = {
  lead: { title: 'Leads', empty: 'No leads yet. Create one from a conversation with “Create lead”.' },
  deal: { title: 'Deals', empty: 'No deals yet. Create one from a conversation with “Create deal”.' },
};

/** Leads or deals (Pipedrive) whose conversation I may open, newest first; status changes in place. */
export function LeadsPage({ kind }: { kind: LeadKind }) {
  const list = useStore(leadLists, (lists) => lists[kind]);
  const { title, empty } = TITLES[kind];

  useEffect(() => {
    void loadLeads(kind);
  }, [kind]);

  return (
    <div class="page leads-page">
      <h1 class="pane-title">{title}</h1>
      {list.status === 'loading' && <p role="status">Loading {title.toLowerCase()}…</p>}
      {list.status === 'error' && (
        <p class="form-error" role="alert">
          {title} could not be loaded: {list.error}
        </p>
      )}
      {list.status === 'loaded' && list.leads.length === 0 && (
        <p class="notice" role="status">
          {empty}
        </p>
      )}
      {list.leads.length > 0 && (
        <table class="card-table leads-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Contact</th>
              <th scope="col">Organization</th>
              <th scope="col">Value</th>
              <th scope="col">Expected close</th>
              <th scope="col">Status</th>
              <th scope="col">Conversation</th>
            </tr>
          </thead>
          <tbody>
            {list.leads.map((lead) => (
              <LeadRow key={lead.id} lead={lead} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
