/** The contact, lead and deal routes the conversation sidebar uses (I7, issue 10). */
import type { ContactResponse, ConversationContactResponse, LeadKind, LeadResponse, LeadStatus } from '@parley/protocol';
import { request } from './request.js';

/** PATCH /api/contacts/:id: fields sent change, null clears, fields left out stay. */
export interface ContactChanges {
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
}

/** POST /api/conversations/:id/contact: links the contact with this email or makes one. */
export interface NewConversationContact {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

export interface NewLead {
  title: string;
  value?: string | null;
  currency?: string | null;
  expectedCloseDate?: string | null;
  note?: string | null;
  status?: LeadStatus;
}

export const contactApi = {
  ofConversation: (conversationId: number) => request<ConversationContactResponse>('GET', `/api/conversations/${conversationId}/contact`),
  createForConversation: (conversationId: number, body: NewConversationContact) =>
    request<ContactResponse>('POST', `/api/conversations/${conversationId}/contact`, { body }),
  update: (contactId: number, body: ContactChanges) => request<ContactResponse>('PATCH', `/api/contacts/${contactId}`, { body }),
  createLead: (conversationId: number, kind: LeadKind, body: NewLead) =>
    request<LeadResponse>('POST', `/api/conversations/${conversationId}/${kind}s`, { body }),
};
