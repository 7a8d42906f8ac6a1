/** The contact, lead and deal routes the conversation sidebar uses (I7, issue 10); request shapes from @parley/protocol. */
import type { ContactResponse, ConversationContactResponse, CreateConversationContactRequest, CreateLeadRequest, LeadKind, LeadResponse, UpdateContactRequest } from '@parley/protocol';
import { request } from './request.js';

export const contactApi = {
  ofConversation: (conversationId: number) => request<ConversationContactResponse>('GET', `/api/conversations/${conversationId}/contact`),
  createForConversation: (conversationId: number, body: CreateConversationContactRequest) =>
    request<ContactResponse>('POST', `/api/conversations/${conversationId}/contact`, { body }),
  update: (contactId: number, body: UpdateContactRequest) => request<ContactResponse>('PATCH', `/api/contacts/${contactId}`, { body }),
  createLead: (conversationId: number, kind: LeadKind, body: CreateLeadRequest) =>
    request<LeadResponse>('POST', `/api/conversations/${conversationId}/${kind}s`, { body }),
};
