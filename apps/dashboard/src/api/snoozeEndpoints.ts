/** The snooze routes (I3). */
import type { ConversationResponse } from '@parley/protocol';
import { request } from './request.js';

export const snoozeApi = {
  snooze: (id: number, until: number) => request<ConversationResponse>('POST', `/api/conversations/${id}/snooze`, { body: { until } }),
  unsnooze: (id: number) => request<ConversationResponse>('POST', `/api/conversations/${id}/unsnooze`),
};
