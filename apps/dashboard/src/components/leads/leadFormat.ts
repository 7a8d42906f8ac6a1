import type { Lead, LeadStatus } from '@parley/protocol';

export const STATUS_LABELS: Record<LeadStatus, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

/** "1250.50 EUR": the decimal string as stored (exact), never re-parsed as a float. */
export function moneyText(lead: Pick<Lead, 'value' | 'currency'>): string {
  if (lead.value === null) return '—';
  return lead.currency ? `${lead.value} ${lead.currency}` : lead.value;
}
