/**
 * The Leads and Deals pages' lists, kept apart from the inbox store (only those pages need them).
 * `lead.created` / `lead.updated` frames (the server sends them only to readers of the lead's
 * conversation) update a loaded list in place, so a lead made in a chat shows up without a reload.
 */
import type { Lead, LeadKind, LeadStatus } from '@parley/protocol';
import { leadListApi } from '../api/customerEndpoints.js';
import { errorText } from '../api/request.js';
import { createStore } from './store.js';

export interface LeadListState {
  status: 'idle' | 'loading' | 'loaded' | 'error';
  leads: Lead[];
  error: string | null;
}

const empty: LeadListState = { status: 'idle', leads: [], error: null };

export const leadLists = createStore<Record<LeadKind, LeadListState>>({ lead: empty, deal: empty });

function setList(kind: LeadKind, change: (list: LeadListState) => LeadListState): void {
  leadLists.update((lists) => ({ ...lists, [kind]: change(lists[kind]) }));
}

export async function loadLeads(kind: LeadKind): Promise<void> {
  setList(kind, (list) => ({ ...list, status: list.status === 'loaded' ? 'loaded' : 'loading', error: null }));
  try {
    const { leads } = await leadListApi.list(kind);
    setList(kind, () => ({ status: 'loaded', leads, error: null }));
  } catch (error) {
    setList(kind, (list) => ({ ...list, status: 'error', error: errorText(error) }));
  }
}

/** A created or changed lead from the server (a frame or our own PATCH): newest first, replaced in place. */
export function applyLead(lead: Lead): void {
  setList(lead.kind, (list) => {
    if (list.status !== 'loaded') return list;
    const known = list.leads.some((l) => l.id === lead.id);
    return { ...list, leads: known ? list.leads.map((l) => (l.id === lead.id ? lead : l)) : [lead, ...list.leads] };
  });
}

/** Throws the server's refusal for the row to show. */
export async function setLeadStatus(lead: Lead, status: LeadStatus): Promise<void> {
  const saved = await leadListApi.update(lead.kind, lead.id, { status });
  applyLead(saved.lead);
}
