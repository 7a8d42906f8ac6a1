/**
 * The Contacts, Leads and Deals pages' routes, the retention policy and site identity (issue 10:
 * §1 Contact, Lead/Deal, A10, W15). Shapes from @parley/protocol; the server applies the read
 * rule and the admin checks.
 */
import type {
  ContactDetailResponse,
  ContactExport,
  ContactResponse,
  ContactsResponse,
  LeadKind,
  LeadResponse,
  LeadsResponse,
  RetentionSettings,
  SiteResponse,
  UpdateContactRequest,
  UpdateLeadRequest,
} from '@parley/protocol';
import { request } from './request.js';

export const contactPageApi = {
  search: (query: string) => request<ContactsResponse>('GET', query ? `/api/contacts?query=${encodeURIComponent(query)}` : '/api/contacts'),
  detail: (id: number) => request<ContactDetailResponse>('GET', `/api/contacts/${id}`),
  update: (id: number, body: UpdateContactRequest) => request<ContactResponse>('PATCH', `/api/contacts/${id}`, { body }),
  remove: (id: number) => request<void>('DELETE', `/api/contacts/${id}`),
  exportData: (id: number) => request<ContactExport>('GET', `/api/contacts/${id}/export`),
};

export const leadListApi = {
  list: (kind: LeadKind) => request<LeadsResponse>('GET', `/api/${kind}s`),
  update: (kind: LeadKind, id: number, body: UpdateLeadRequest) => request<LeadResponse>('PATCH', `/api/${kind}s/${id}`, { body }),
};

export const retentionApi = {
  get: () => request<RetentionSettings>('GET', '/api/admin/retention'),
  set: (retentionDays: number | null) => request<RetentionSettings>('PUT', '/api/admin/retention', { body: { retentionDays } }),
};

export const siteIdentityApi = {
  rotateSecret: (siteId: number) => request<SiteResponse>('POST', `/api/admin/sites/${siteId}/secret/rotate`),
  setVerification: (siteId: number, requireIdentityVerification: boolean) =>
    request<SiteResponse>('PUT', `/api/admin/sites/${siteId}/identity-verification`, { body: { requireIdentityVerification } }),
};
