/**
 * The admin API of sites, the first chatflow the setup wizard edits and the wizard's end (A1,
 * sites, install). Shapes from @parley/protocol; the server checks the same permissions.
 */
import type {
  AdminSitesResponse,
  ChatflowResponse,
  ChatflowsResponse,
  SetupCompleteResponse,
  SiteRequest,
  SiteResponse,
  UpdateChatflowRequest,
} from '@parley/protocol';
import { request } from './request.js';

export const siteApi = {
  sites: () => request<AdminSitesResponse>('GET', '/api/admin/sites'),
  createSite: (body: SiteRequest) => request<SiteResponse>('POST', '/api/admin/sites', { body }),
  updateSite: (id: number, body: Partial<SiteRequest>) => request<SiteResponse>('PATCH', `/api/admin/sites/${id}`, { body }),
  chatflowsOfSite: (siteId: number) => request<ChatflowsResponse>('GET', `/api/admin/chatflows?siteId=${siteId}`),
  updateChatflow: (id: number, body: UpdateChatflowRequest) =>
    request<ChatflowResponse>('PATCH', `/api/admin/chatflows/${id}`, { body }),
  completeSetup: () => request<SetupCompleteResponse>('POST', '/api/admin/setup/complete'),
};
