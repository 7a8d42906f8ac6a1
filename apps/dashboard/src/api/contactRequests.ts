/** Bodies of PATCH /api/contacts/:id and /api/leads|deals/:id: fields sent change, null clears. */
import type { LeadStatus } from '@parley/protocol';

export interface UpdateContactRequest {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  organizationName?: string | null;
  organizationAddress?: string | null;
  ownerId?: number | null;
  note?: string | null;
  dealValue?: string | null;
  currency?: string | null;
  expectedCloseDate?: string | null;
  properties?: Record<string, string>;
}

export interface UpdateLeadRequest {
  title?: string;
  organization?: string | null;
  value?: string | null;
  currency?: string | null;
  expectedCloseDate?: string | null;
  note?: string | null;
  status?: LeadStatus;
}
