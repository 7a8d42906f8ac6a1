/**
 * The realtime protocol over one WebSocket at `/realtime` (see docs/realtime.md).
 *
 * Client → server frames: `{ ref, cmd, data }`; every command is answered by exactly one `ack`
 * frame with the same `ref`. Server → client frames: `ack`, `event` (durable, carries a feed id),
 * `signal` (ephemeral: typing), and `error` (a frame that could not be acknowledged).
 *
 * The command and event maps are typed per direction and per audience, so renaming an event is a
 * compile error in server, dashboard and widget alike.
 */
import type { ErrorBody } from './errors.js';
import type {
  Availability,
  Chatflow,
  ConversationSummary,
  Message,
  Site,
  UserSummary,
  VisitorConversation,
} from './models.js';
import type { Offer, OfferEntry, OfferRef } from './routing.js';
import type { TicketPropertyDefinition } from './ticketProperties.js';
import type { Contact, Lead } from './contacts.js';

// ---------------------------------------------------------------- commands (client → server)

export interface ResumeData {
  /** Visitors authenticate with their token; agents with the session cookie (leave it out). */
  visitorToken?: string;
  /** The last event id this client applied; leave out for a fresh snapshot. */
  lastEventId?: number;
}

export interface VisitorResumeResult {
  principal: 'visitor';
  visitorId: number;
  /** Id of the newest event included; send it back as `lastEventId` when reconnecting. */
  cursor: number;
  /** Present when no `lastEventId` was sent: the visitor's latest conversation and its thread. */
  snapshot?: { conversation: VisitorConversation | null; messages: Message[] };
}

export interface AgentResumeResult {
  principal: 'agent';
  userId: number;
  cursor: number;
}

export interface SendMessageData {
  /** Sender-chosen idempotency key: re-sending the same id stores the message once. */
  clientMessageId: string;
  body: string;
  /** Agents: required. Visitors: ignored; the message goes to the open conversation or starts one. */
  conversationId?: number;
  /**
   * Visitors: the chatflow the widget shows (WidgetConfig.chatflowId); a new conversation starts
   * in it when it is published on the visitor's site, else in the site's first published one.
   */
  chatflowId?: number;
  /** Agents: an internal note, seen by users only and never by the visitor. Visitors: ignored. */
  internal?: boolean;
}

export interface SendMessageResult {
  message: Message;
  /** True when this client message id was already stored (a re-send after reconnect). */
  duplicate: boolean;
}

export interface TypingData {
  conversationId: number;
  typing: boolean;
}

export interface ConversationRef {
  conversationId: number;
}

export interface AssignData {
  conversationId: number;
  /** null = back to Unassigned. */
  userId: number | null;
}

/** `conversation.read`: the reader has seen every message up to `seq` (monotonic; past last seq is refused). */
export interface ReadReceiptData {
  conversationId: number;
  seq: number;
}

/** The `conversation.read` event: both sides' read marks after a change (no agent is named). */
export interface ReadReceiptEvent {
  conversationId: number;
  visitorReadSeq: number;
  agentReadSeq: number;
}

export interface ContextUpdateData {
  pageUrl?: string;
  pageTitle?: string;
  referrer?: string;
  language?: string;
  timeZone?: string;
  /** Visitor properties for custom routing rules; replaces the stored set. */
  properties?: Record<string, string>;
}

/** Commands a visitor connection may send: name → [data, ack result]. */
export interface VisitorCommands {
  'session.resume': [ResumeData, VisitorResumeResult];
  'message.send': [SendMessageData, SendMessageResult];
  'typing.set': [TypingData, Record<string, never>];
  'conversation.end': [ConversationRef, { conversation: VisitorConversation }];
  'context.update': [ContextUpdateData, Record<string, never>];
  'conversation.read': [ReadReceiptData, Record<string, never>];
  /** W8: answer the question card / fill the capture card the conversation's flow waits at. */
  'flow.answer': [FlowAnswerData, FlowStepResult];
  'flow.capture': [FlowCaptureData, FlowStepResult];
}

export interface FlowAnswerData {
  conversationId: number;
  cardId: string;
  answerIndex: number;
}
export interface FlowCaptureData {
  conversationId: number;
  cardId: string;
  /** Field (built-in or custom property key) → what the visitor typed. */
  fields: Record<string, string>;
}
/** `applied: false`: that card had been answered already (a double submit); nothing changed. */
export interface FlowStepResult {
  applied: boolean;
}

/** Commands an agent connection may send. */
export interface AgentCommands {
  'session.resume': [ResumeData, AgentResumeResult];
  'message.send': [SendMessageData, SendMessageResult];
  'typing.set': [TypingData, Record<string, never>];
  'conversation.assign': [AssignData, { conversation: ConversationSummary }];
  'conversation.close': [ConversationRef, { conversation: ConversationSummary }];
  'availability.set': [{ availability: Availability }, { user: UserSummary }];
  /** Accept an offer made to me: the conversation is assigned to me. */
  'offer.accept': [OfferRef, { conversation: ConversationSummary }];
  /** Decline it: the next eligible user is tried. */
  'offer.decline': [OfferRef, Record<string, never>];
  'conversation.read': [ReadReceiptData, Record<string, never>];
}

export type CommandName = keyof VisitorCommands | keyof AgentCommands;

export interface ClientFrame<C extends string = string, D = unknown> {
  /** Client-chosen number, echoed in the ack. */
  ref: number;
  cmd: C;
  data: D;
}

// ---------------------------------------------------------------- events (server → client)

/** Durable events an agent connection receives. */
export interface AgentEvents {
  'conversation.created': { conversation: ConversationSummary };
  'conversation.updated': { conversation: ConversationSummary };
  'conversation.assigned': { conversation: ConversationSummary; previousAssigneeId: number | null };
  'conversation.closed': { conversation: ConversationSummary };
  /** Priority, category or custom properties changed (agent-only; visitors never get it). */
  'conversation.properties_changed': { conversation: ConversationSummary };
  'message.created': { message: Message };
  'user.updated': { user: UserSummary };
  /** A chat is offered to `offer.userId` (only that user acts on it; admins see it too). */
  'offer.created': OfferEntry;
  /** An admin changed a chatflow's settings. */
  'chatflow.updated': { chatflow: Chatflow };
  /** An admin replaced the custom ticket properties: the thread header shows these fields. */
  'ticket_properties.updated': { definitions: TicketPropertyDefinition[] };
  /** A chatflow was deleted: drop it from lists (its conversations keep their chatflowId). */
  'chatflow.deleted': { chatflowId: number; siteId: number };
  /** A site was added, renamed or got new allowed origins. */
  'site.updated': { site: Site };
  /** The offer was accepted, declined, expired or cancelled: remove its banner. */
  'offer.resolved': { offer: Offer };
  /** The visitor (or a user) read further. */
  'conversation.read': ReadReceiptEvent;
  /** A contact was created, linked to a visitor or edited (issue 10); only for users who may read it. */
  'contact.updated': { contact: Contact };
  /** A contact and everything identifying them was deleted (A10). */
  'contact.deleted': { contactId: number };
  /** A lead or deal was created from a conversation. */
  'lead.created': { lead: Lead };
  /** A lead or deal was edited (status, value, …). */
  'lead.updated': { lead: Lead };
}

/** Durable events a visitor connection receives (only about its own conversations). */
export interface VisitorEvents {
  'conversation.created': { conversation: VisitorConversation };
  'conversation.updated': { conversation: VisitorConversation };
  'conversation.assigned': { conversation: VisitorConversation };
  'conversation.closed': { conversation: VisitorConversation };
  'message.created': { message: Message };
  /** A user (or another tab of this visitor) read further: show "Seen" up to `agentReadSeq`. */
  'conversation.read': ReadReceiptEvent;
}

/** Ephemeral signals: not stored, not replayed. */
export interface Signals {
  'typing.changed': {
    conversationId: number;
    /** Who is typing: a visitor or a user. */
    author: { kind: 'visitor' | 'user'; id: number; name: string };
    typing: boolean;
  };
}

export type AckFrame<R = unknown> =
  | { t: 'ack'; ref: number; ok: true; data: R }
  | { t: 'ack'; ref: number; ok: false; error: ErrorBody };

export interface EventFrame<M, K extends keyof M = keyof M> {
  t: 'event';
  /** Feed id: strictly increasing per workspace, gap-free for what this client may see. */
  id: number;
  name: K;
  data: M[K];
}

export interface SignalFrame<K extends keyof Signals = keyof Signals> {
  t: 'signal';
  name: K;
  data: Signals[K];
}

/** Sent for frames that could not be acknowledged (not JSON, no ref). */
export interface ErrorFrame {
  t: 'error';
  error: ErrorBody;
}

export type ServerFrame<M> = AckFrame | EventFrame<M> | SignalFrame | ErrorFrame;
export type VisitorServerFrame = ServerFrame<VisitorEvents>;
export type AgentServerFrame = ServerFrame<AgentEvents>;

/** WebSocket close codes the server uses, beyond the standard ones. */
export const CLOSE_CODES = {
  /** The server is shutting down; reconnect (possibly to another node). */
  goingAway: 1001,
  /** Frame larger than LIMITS.frameMaxBytes. */
  tooLarge: 1009,
  /**
   * Authentication failed on resume, or the session behind an open socket ended (sign-out,
   * expiry, deactivation); do not retry with the same credentials.
   */
  unauthorized: 4401,
  /** No `session.resume` arrived within the resume deadline; reconnect and resume at once. */
  resumeTimeout: 4408,
  /** Too many open sockets from this client address on this node; reconnect later, with backoff. */
  tooManySockets: 4429,
  /** Agent socket from an origin other than the inbox. */
  forbiddenOrigin: 4403,
} as const;
