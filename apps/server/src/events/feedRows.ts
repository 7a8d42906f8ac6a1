/**
 * Maps a domain event to its realtime feed row: who may see it and the data agents get.
 * Visitors get a presented subset on delivery (realtime/presentForVisitor.ts).
 */
import type { NewFeedRow } from '../storage/schema.js';
import type { DomainEvent } from './domainEvents.js';

export function toFeedRow(event: DomainEvent, now: number): NewFeedRow {
  const base = { workspace_id: event.workspaceId, type: event.type, created_at: now };
  switch (event.type) {
    case 'conversation.created':
    case 'conversation.updated':
    case 'conversation.closed':
      return {
        ...base,
        conversation_id: event.conversation.id,
        visitor_id: event.conversation.visitor.id,
        agent_user_id: null,
        data: JSON.stringify({ conversation: event.conversation }),
      };
    case 'conversation.assigned':
      return {
        ...base,
        conversation_id: event.conversation.id,
        visitor_id: event.conversation.visitor.id,
        agent_user_id: null,
        data: JSON.stringify({ conversation: event.conversation, previousAssigneeId: event.previousAssigneeId }),
      };
    case 'conversation.properties_changed':
      // Priority, category and custom properties are for the team only: no visitor audience,
      // so a visitor never gets the row live or on resume. Every user sees summaries.
      return {
        ...base,
        conversation_id: event.conversation.id,
        visitor_id: null,
        agent_user_id: null,
        data: JSON.stringify({ conversation: event.conversation }),
      };
    case 'message.created':
      // The thread of an assigned conversation is for its assignee (and admins) only (I3). An
      // internal note has no visitor audience: the visitor never gets it live or on resume.
      return {
        ...base,
        conversation_id: event.conversation.id,
        visitor_id: event.message.internal ? null : event.conversation.visitor.id,
        agent_user_id: event.conversation.assignee?.id ?? null,
        data: JSON.stringify({ message: event.message }),
      };
    case 'offer.created':
    case 'offer.resolved':
      // Only the offered user acts on an offer (admins see every row anyway); never visitors.
      return {
        ...base,
        conversation_id: event.conversation.id,
        visitor_id: null,
        agent_user_id: event.offer.userId,
        data: JSON.stringify(
          event.type === 'offer.created' ? { offer: event.offer, conversation: event.conversation, preview: event.preview } : { offer: event.offer },
        ),
      };
    case 'chatflow.updated':
      return { ...base, conversation_id: null, visitor_id: null, agent_user_id: null, data: JSON.stringify({ chatflow: event.chatflow }) };
    case 'ticket_properties.updated':
      return { ...base, conversation_id: null, visitor_id: null, agent_user_id: null, data: JSON.stringify({ definitions: event.definitions }) };
    case 'chatflow.deleted':
      return { ...base, conversation_id: null, visitor_id: null, agent_user_id: null, data: JSON.stringify({ chatflowId: event.chatflowId, siteId: event.siteId }) };
    case 'site.updated':
      return { ...base, conversation_id: null, visitor_id: null, agent_user_id: null, data: JSON.stringify({ site: event.site }) };
    case 'conversation.read':
      // Like the thread itself: the visitor, and the assignee (or everyone while unassigned).
      return {
        ...base,
        conversation_id: event.conversationId,
        visitor_id: event.visitorId,
        agent_user_id: event.assigneeId,
        data: JSON.stringify({ conversationId: event.conversationId, visitorReadSeq: event.visitorReadSeq, agentReadSeq: event.agentReadSeq }),
      };
    case 'contact.updated':
      // Data starts with {"contact":{"id":<id>, — deleting a contact finds its rows by that prefix.
      return { ...base, conversation_id: null, visitor_id: null, agent_user_id: event.audienceUserId, data: JSON.stringify({ contact: event.contact }) };
    case 'contact.deleted':
      return { ...base, conversation_id: null, visitor_id: null, agent_user_id: event.audienceUserId, data: JSON.stringify({ contactId: event.contactId }) };
    case 'lead.created':
    case 'lead.updated':
      return { ...base, conversation_id: event.lead.conversationId, visitor_id: null, agent_user_id: event.audienceUserId, data: JSON.stringify({ lead: event.lead }) };
    case 'user.updated':
      return { ...base, conversation_id: null, visitor_id: null, agent_user_id: null, data: JSON.stringify({ user: event.user }) };
  }
}
