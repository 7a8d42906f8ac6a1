/** The inbox list routes (I3, I5): a page of a list, reassigning to a team, the All setting. */
import type { ConversationListParams, ConversationListResponse, ConversationResponse, InboxSettings } from '@parley/protocol';
import { request } from './request.js';

export const listApi = {
  page: (params: ConversationListParams) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
    return request<ConversationListResponse>('GET', `/api/conversations?${query.toString()}`);
  },
  assignTeam: (id: number, teamId: number) => request<ConversationResponse>('POST', `/api/conversations/${id}/team`, { body: { teamId } }),
  inboxSettings: () => request<InboxSettings>('GET', '/api/admin/inbox-settings'),
  saveInboxSettings: (body: InboxSettings) => request<InboxSettings>('PUT', '/api/admin/inbox-settings', { body }),
};
