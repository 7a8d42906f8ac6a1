/**
 * The event catalogue: every change other parts of Parley react to. Events are emitted inside a
 * unit of work and dispatched to listeners only after its transaction commits.
 */
import type { Contact, Lead } from '@parley/protocol';
import type { Chatflow, ConversationSummary, Message, Offer, Site, UserSummary } from '@parley/protocol';
import type { TicketPropertyDefinition } from '@parley/protocol';

export type DomainEvent =
  | { type: 'conversation.created'; workspaceId: number; conversation: ConversationSummary }
  | { type: 'conversation.updated'; workspaceId: number; conversation: ConversationSummary }
  | {
      type: 'conversation.assigned';
      workspaceId: number;
      conversation: ConversationSummary;
      previousAssigneeId: number | null;
    }
  | { type: 'conversation.closed'; workspaceId: number; conversation: ConversationSummary }
  /** Ticket properties changed (issue 12): agent-only fields, so no visitor audience. */
  | { type: 'conversation.properties_changed'; workspaceId: number; conversation: ConversationSummary }
  | { type: 'message.created'; workspaceId: number; message: Message; conversation: ConversationSummary }
  | { type: 'user.updated'; workspaceId: number; user: UserSummary }
  /**
   * Issue 10: contact and lead events are for users only, one row per audience: null = every user
   * (the contact has a conversation anyone may open, or none), else that user (and admins).
   */
  | { type: 'contact.updated'; workspaceId: number; contact: Contact; audienceUserId: number | null }
  | { type: 'contact.deleted'; workspaceId: number; contactId: number; audienceUserId: number | null }
  | { type: 'lead.created'; workspaceId: number; lead: Lead; audienceUserId: number | null }
  | { type: 'lead.updated'; workspaceId: number; lead: Lead; audienceUserId: number | null }
  | { type: 'chatflow.updated'; workspaceId: number; chatflow: Chatflow }
  /** An admin replaced the custom ticket property definitions (issue 12). */
  | { type: 'ticket_properties.updated'; workspaceId: number; definitions: TicketPropertyDefinition[] }
  /** Soft-deleted: gone from every list and from the widget; its conversations keep it. */
  | { type: 'chatflow.deleted'; workspaceId: number; chatflowId: number; siteId: number }
  | { type: 'site.updated'; workspaceId: number; site: Site }
  | { type: 'offer.created'; workspaceId: number; offer: Offer; conversation: ConversationSummary; preview: string | null }
  | { type: 'offer.resolved'; workspaceId: number; offer: Offer; conversation: ConversationSummary }
  /** A read mark went up (W12 receipts); for the visitor and whoever may see the thread. */
  | {
      type: 'conversation.read';
      workspaceId: number;
      conversationId: number;
      visitorId: number;
      assigneeId: number | null;
      visitorReadSeq: number;
      agentReadSeq: number;
    };

export type DomainEventType = DomainEvent['type'];

/** An event as listeners receive it: with the id of its feed row (the realtime cursor). */
export type CommittedEvent = DomainEvent & { feedId: number };
