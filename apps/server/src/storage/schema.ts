/**
 * Table types for Kysely. Both dialects store the same shapes: integer ids, timestamps as epoch
 * milliseconds (bigint on PostgreSQL, parsed to number), booleans as 0/1, JSON as text — so no
 * query in domain/ needs to know which database it talks to.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface WorkspacesTable {
  id: Generated<number>;
  name: string;
  created_at: number;
  /** A1: when the setup wizard was finished or skipped; null = the first admin is sent to it. */
  setup_completed_at: Generated<number | null>;
  /** A10 (018): closed conversations older than this many days are deleted; null keeps them. */
  retention_days: Generated<number | null>;
  /** JSON array of TicketPropertyDefinition (015): the custom ticket properties admins defined. */
  ticket_properties: Generated<string>;
  /** I3 (016): 1 = agents get the All view and its count (the default), 0 = admins only. */
  agents_see_all: Generated<number>;
}

export interface UsersTable {
  id: Generated<number>;
  workspace_id: number;
  email: string;
  name: string;
  avatar_url: string | null;
  role: 'admin' | 'agent';
  /** Null until an invited user sets a password. */
  password_hash: string | null;
  availability: 'online' | 'away';
  max_chats: number;
  created_at: number;
  /** JSON array of skill tags. */
  skills: Generated<string>;
  away_reason: 'manual' | 'missed_offers' | 'disconnected' | null;
  /** Offers that expired in a row; reset by accepting or declining. */
  missed_offers: Generated<number>;
  /** After the last inbox connection dropped, the user still counts as connected until then. */
  grace_until: number | null;
  /** Set while an admin has deactivated the user: no sign-in, no sockets, no routing. */
  deactivated_at: Generated<number | null>;
  /** Set when an admin deleted the user (013): the row stays for their messages, hidden from lists. */
  deleted_at: Generated<number | null>;
  /** JSON array of extra grants (A3), e.g. `["chatflows:edit"]`. */
  permissions: Generated<string>;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
}

export interface InvitesTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
}

export interface SitesTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  site_key: string;
  secret: string;
  /** JSON array of origins; empty = any origin. */
  allowed_origins: string;
  created_at: number;
  /** When a page outside Parley last loaded the widget config (throttled per node); the Install page shows it. */
  widget_seen_at: Generated<number | null>;
  widget_seen_url: Generated<string | null>;
  /** W15 (018): 1 = identify() without a valid hash is refused. */
  require_identity_verification: Generated<number>;
}

export interface ChatflowsTable {
  id: Generated<number>;
  workspace_id: number;
  site_id: number;
  name: string;
  /** Decides nothing since chatflows are chosen by targeting and priority; kept for old rows. */
  is_default: Generated<number>;
  /** 1 = Published: only published chatflows show (W6, A2). */
  published: number;
  /** Lower shows first among the site's chatflows whose targeting matches. */
  priority: number;
  /** ChatflowLanguage: widget strings and the default texts. */
  language: Generated<string>;
  /** JSON: ChatflowTargeting. */
  targeting: Generated<string>;
  /** JSON: ChatflowWidgetSettings. */
  settings: string;
  created_at: number;
  updated_at: number;
  /** JSON: ChatflowRouting. */
  routing: Generated<string>;
  /** JSON: ChatflowAvailability. */
  availability: Generated<string>;
  /** Soft delete: conversations keep routing through it; everything else ignores the row. */
  deleted_at: Generated<number | null>;
  /** JSON: ChatflowTicketDefaults, what a new conversation's ticket properties start as (015). */
  ticket_defaults: Generated<string>;
  /** JSON: ChatflowConsent (W10, 021); null reads as the defaults in the chatflow's language. */
  consent: Generated<string | null>;
  /** JSON: FlowBranch, the chatflow's cards (W8, 020); null = the default flow, read from the row's welcome and fallback messages (`parseFlow`). */
  flow: string | null;
}

export interface VisitorsTable {
  id: Generated<number>;
  workspace_id: number;
  site_id: number;
  token_hash: string;
  name: string | null;
  /** JSON: VisitorContext. */
  context: string;
  created_at: number;
  last_seen_at: number;
  owner_id: number | null;
  /** The contact this visitor is (018); its conversations are the contact's. */
  contact_id: Generated<number | null>;
  /** 1 when the link came from a valid identity hash (W15): only then history is shared and the contact may be changed. */
  identity_verified: Generated<number>;
}

export interface ConversationsTable {
  id: Generated<number>;
  workspace_id: number;
  site_id: number;
  chatflow_id: number;
  visitor_id: number;
  status: 'open' | 'closed';
  channel: string;
  assignee_id: number | null;
  version: number;
  last_seq: number;
  created_at: number;
  updated_at: number;
  last_message_at: number | null;
  first_agent_reply_at: number | null;
  closed_at: number | null;
  close_reason: string | null;
  routing_state: Generated<'bot' | 'routing' | 'offered' | 'queued' | 'missed' | 'assigned'>;
  queue_position: number | null;
  queue_wait_seconds: number | null;
  missed: Generated<number>;
  /** Last message from the visitor or a user (not bot/system lines): the inactivity clock (R4). */
  last_activity_at: number | null;
  /** Read receipts (012): the highest message seq the visitor / any agent has read; 0 = none. */
  visitor_read_seq: Generated<number>;
  agent_read_seq: Generated<number>;
  /** Snoozed until this time (I3): out of the open views, not routed; null when not snoozed. */
  snoozed_until: number | null;
  /** Ticket properties (015), agent-only: a TicketPriority, a free-text category, custom values as a JSON object of strings. */
  priority: Generated<'low' | 'normal' | 'high' | 'urgent'>;
  category: Generated<string | null>;
  properties: Generated<string>;
  /** The team it was routed or reassigned to (016): its team view lists it; null = no team. */
  team_id: Generated<number | null>;
  /** W8 (022): the flow card this chat waits at (a question, a capture, the live-chat hand-off); null = no flow running. */
  flow_card_id: Generated<string | null>;
  /** JSON object: question card id → the answer label the visitor picked (022). */
  flow_answers: Generated<string>;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  seq: number;
  author_kind: 'visitor' | 'user' | 'bot' | 'system';
  author_user_id: number | null;
  author_visitor_id: number | null;
  /** Name shown for bot/system authors (users and visitors are looked up). */
  author_name: string | null;
  body: string;
  client_message_id: string | null;
  /** `v<visitorId>:<clientId>` or `u<userId>:<clientId>`; unique, so a re-send is stored once. */
  dedupe_key: string | null;
  /** A system line's meaning as MessageNotice JSON (W16), or null. */
  notice: string | null;
  /** 1 for an internal note (users only, never the visitor), else 0. */
  internal: Generated<number>;
  /** The file this message carries (014), or null for text. */
  attachment_id: Generated<number | null>;
  created_at: number;
}

/**
 * The realtime feed: one row per durable event a client may see, written in the same
 * transaction as the change it describes. Ids are committed in order per workspace (see the
 * drivers), which is what makes resume gap-free.
 */
export interface FeedTable {
  id: Generated<number>;
  workspace_id: number;
  type: string;
  conversation_id: number | null;
  /** Set when the event is visible to this visitor. */
  visitor_id: number | null;
  /** Null = every user of the workspace; else only this user (and admins). */
  agent_user_id: number | null;
  /** JSON: the event data as agents see it; visitor views are presented on delivery. */
  data: string;
  created_at: number;
}

export interface TeamsTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  created_at: number;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
}

export interface OffersTable {
  id: Generated<number>;
  workspace_id: number;
  conversation_id: number;
  user_id: number;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled';
  created_at: number;
  expires_at: number;
  resolved_at: number | null;
}

/**
 * Durable deadlines (R6): offer expiry, inactivity, queue wake-ups, presence grace, emails.
 * A node leases due rows (lease_owner/lease_until) and deletes a row in the same transaction as
 * its effect, so each fires once even across restarts and nodes.
 */
export interface DeadlinesTable {
  id: Generated<number>;
  /** Unique per purpose, e.g. `offer:12`: scheduling again moves the same deadline. */
  key: string;
  kind: string;
  workspace_id: number;
  due_at: number;
  payload: string;
  lease_owner: string | null;
  lease_until: number | null;
  attempts: number;
  created_at: number;
}

/** Live inbox sockets per node and user (I2). seen_at is refreshed by the node's heartbeat. */
export interface PresenceTable {
  node_id: string;
  user_id: number;
  workspace_id: number;
  sockets: number;
  seen_at: number;
}

/** Round robin position per pool (a chatflow or a team): the last user offered a chat. */
export interface RoutingCursorsTable {
  scope: string;
  last_user_id: number;
}

/**
 * Files Parley keeps and serves itself (W2 branding images), so every node can serve them and
 * no object store is needed. `key` is random and unguessable: it is the public URL's last part.
 */
export interface UploadsTable {
  id: Generated<number>;
  workspace_id: number;
  key: string;
  /** Sniffed from the bytes, never taken from the client. */
  content_type: string;
  size: number;
  /** Hex SHA-256 of the bytes: the same image uploaded again reuses its row. */
  sha256: string;
  bytes: Buffer;
  created_by: number;
  created_at: number;
}

/** W12/I6 (014): a file sent in a conversation; the bytes live where the driver keeps them. */
export interface AttachmentsTable {
  id: Generated<number>;
  workspace_id: number;
  conversation_id: number;
  /** 24 random bytes, base64url: the only thing a download names. */
  key: string;
  name: string;
  /** Sniffed from the bytes, never taken from the client. */
  content_type: string;
  size: number;
  sha256: string;
  /** 1 when sent in an internal note: users only, never served to the visitor. */
  internal: number;
  created_at: number;
}

/** PostgreSQL only (014): the bytes of attachments, so every node can serve them. */
export interface AttachmentBytesTable {
  key: string;
  bytes: Buffer;
}

/** A6 canned replies; `owner_user_id` null = shared with the workspace (admins manage those). */
export interface MacrosTable {
  id: Generated<number>;
  workspace_id: number;
  owner_user_id: number | null;
  /** Lowercase [a-z0-9_-], 1–32; unique per workspace and owner scope. */
  shortcut: string;
  title: string;
  body: string;
  created_at: number;
  updated_at: number;
}

/** I1: one mailed password-reset link; only the token's hash is kept, spent by `used_at`. */
export interface PasswordResetsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** I8: a user's notification choices as NotificationPreferences JSON; no row = the defaults. */
export interface NotificationPrefsTable {
  user_id: number;
  settings: string;
  updated_at: number;
}

/** Issue 10: a person behind visitors. `email_key` = lower-cased email, unique per workspace. */
export interface ContactsTable {
  id: Generated<number>;
  workspace_id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  email_key: string | null;
  /** The site's user id from a verified identify (W15); unique per workspace. */
  external_id: string | null;
  phone: string | null;
  organization_name: string | null;
  organization_address: string | null;
  owner_user_id: number | null;
  note: string | null;
  /** Decimal string; currency ISO 4217; date YYYY-MM-DD. */
  deal_value: string | null;
  currency: string | null;
  expected_close_date: string | null;
  /** JSON object of string values. */
  properties: Generated<string>;
  /** Lower-cased name, email and phone, matched by substring (search). */
  search_text: Generated<string>;
  created_at: number;
  updated_at: number;
}

/** A contact's timeline, per visitor: page views and `track()` events. */
export interface ContactEventsTable {
  id: Generated<number>;
  workspace_id: number;
  visitor_id: number;
  kind: 'page_view' | 'event';
  name: string;
  url: string | null;
  /** JSON object of string values. */
  properties: Generated<string>;
  created_at: number;
}

/** Leads and deals (`kind`), created from a conversation (Pipedrive). */
export interface LeadsTable {
  id: Generated<number>;
  workspace_id: number;
  kind: 'lead' | 'deal';
  title: string;
  contact_id: number | null;
  organization: string | null;
  value: string | null;
  currency: string | null;
  expected_close_date: string | null;
  note: string | null;
  status: Generated<'open' | 'won' | 'lost'>;
  conversation_id: number | null;
  created_by: number | null;
  created_at: number;
}

/** More tokens of one visitor (019): a verified second device continues the contact's first visitor (W15). */
export interface VisitorTokensTable {
  id: Generated<number>;
  visitor_id: number;
  token_hash: string;
  /** The second device's own visitor it was handed to; one token per such visitor. */
  for_visitor_id: number;
  created_at: number;
}

export interface SubscriptionTypesTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  description: string;
  created_at: number;
}

/** W10: one consent answer of a visitor, with the exact text and language it was shown in. */
export interface ConsentsTable {
  id: Generated<number>;
  workspace_id: number;
  visitor_id: number;
  contact_id: number | null;
  conversation_id: number | null;
  chatflow_id: number | null;
  kind: string;
  granted: number;
  text: string;
  language: string;
  subscription_type_id: number | null;
  subscription_type_name: string | null;
  created_at: number;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  sites: SitesTable;
  chatflows: ChatflowsTable;
  visitors: VisitorsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  feed: FeedTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  offers: OffersTable;
  deadlines: DeadlinesTable;
  presence: PresenceTable;
  routing_cursors: RoutingCursorsTable;
  uploads: UploadsTable;
  attachments: AttachmentsTable;
  attachment_bytes: AttachmentBytesTable;
  password_resets: PasswordResetsTable;
  macros: MacrosTable;
  contacts: ContactsTable;
  contact_events: ContactEventsTable;
  leads: LeadsTable;
  visitor_tokens: VisitorTokensTable;
  notification_prefs: NotificationPrefsTable;
  subscription_types: SubscriptionTypesTable;
  consents: ConsentsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type VisitorRow = Selectable<VisitorsTable>;
export type ChatflowRow = Selectable<ChatflowsTable>;
export type SiteRow = Selectable<SitesTable>;
export type FeedRow = Selectable<FeedTable>;
export type NewFeedRow = Insertable<FeedTable>;
export type OfferRow = Selectable<OffersTable>;
export type DeadlineRow = Selectable<DeadlinesTable>;
export type TeamRow = Selectable<TeamsTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type LeadRow = Selectable<LeadsTable>;
export type ContactEventRow = Selectable<ContactEventsTable>;
export type ConsentRow = Selectable<ConsentsTable>;
export type SubscriptionTypeRow = Selectable<SubscriptionTypesTable>;
