/** The ticket property routes (issue 12). */
import type {
  ConversationResponse,
  PutTicketPropertyDefinitionsRequest,
  SetTicketPropertiesRequest,
  TicketPropertyDefinitionsResponse,
} from '@parley/protocol';
import { request } from './request.js';

export const ticketPropertyApi = {
  set: (conversationId: number, body: SetTicketPropertiesRequest) =>
    request<ConversationResponse>('PATCH', `/api/conversations/${conversationId}/properties`, { body }),
  definitions: () => request<TicketPropertyDefinitionsResponse>('GET', '/api/admin/ticket-properties'),
  saveDefinitions: (body: PutTicketPropertyDefinitionsRequest) => request<TicketPropertyDefinitionsResponse>('PUT', '/api/admin/ticket-properties', { body }),
};
