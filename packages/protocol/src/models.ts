/**
 * Wire models: what the server sends to clients. Timestamps are epoch milliseconds.
 * Ids are positive integers.
 */
export type UserRole = 'admin' | 'agent';
/** Grants beyond the role (A3): `chatflows:edit` lets an agent change chatflows and sites. */
export type Permission = 'chatflows:edit';
export const PERMISSIONS: readonly Permission[] = ['chatflows:edit'];
import type { AwayReason, ChatflowAvailability, ChatflowRouting, QueueStatus, RoutingState, WidgetAvailability } from './routing.js';
import type { MessageAttachment } from './attachments.js';
import type { ChatflowDisplay, ChatflowLanguage, ChatflowTargeting, EmailCaptureMode, HeadingMode, LoginOnlyMode, WidgetHeading, LoaderStrings } from './chatflows.js';
import type { ChatflowTicketDefaults, TicketPriority } from './ticketProperties.js';
import type { ChatflowConsent, WidgetConsent } from './consent.js';
import type { FlowBranch } from './flow.js';
import type { LastMessagePreview, TeamViewCount } from './inboxLists.js';

export type Availability = 'online' | 'away';
export type ConversationStatus = 'open' | 'closed';
export type ConversationChannel = 'chat' | 'email' | 'sms' | 'messenger';
/** Why a conversation closed. `inactive` is set by the inactivity timeout (routing issue). */
export type CloseReason = 'visitor_ended' | 'agent_closed' | 'inactive';
export type AuthorKind = 'visitor' | 'user' | 'bot' | 'system';
export type InboxView = 'unassigned' | 'mine' | 'all' | 'closed' | 'snoozed';

/** A user as seen by other users of the same workspace. */
export interface UserSummary {
  id: number;
  name: string;
  email: string;
  avatarUrl: string | null;
  role: UserRole;
  availability: Availability;
  /** Why the user is away when Parley set it (missed offers, lost connection); null otherwise. */
  awayReason: AwayReason | null;
  /** At least one inbox connection is live on some node (or within the reconnect grace period). */
  connected: boolean;
  /** Free tags used by skill-based routing, e.g. a language. */
  skills: string[];
  /** Most open chats the user is offered at once (R2). */
  maxChats: number;
  /** False once an admin deactivated the user: no sign-in, no sockets, no routing. */
  active: boolean;
  /** Present once an admin deleted the user (their last `user.updated`): clients drop them from lists. */
  deleted?: true;
  /** Extra grants (A3); admins may do everything regardless. */
  permissions: Permission[];
}

/** A user as a visitor may see them: no email, no role. */
export interface AgentPublic {
  id: number;
  name: string;
  avatarUrl: string | null;
}

/** What we know about the visitor's browser and page; shown to agents next to the thread. */
export interface VisitorContext {
  pageUrl: string | null;
  pageTitle: string | null;
  referrer: string | null;
  /** e.g. "Chrome 156" — parsed from the user agent on the server. */
  browser: string | null;
  /** e.g. "Windows 10", "macOS", "Android 14". */
  os: string | null;
  /** BCP 47 tag from the browser, e.g. "fi-FI". */
  language: string | null;
  /** IANA zone from the browser, e.g. "Europe/Helsinki"; the inbox shows local time from it. */
  timeZone: string | null;
  userAgent: string | null;
  /** Properties the site set for this visitor (custom routing rules match on them). */
  properties: Record<string, string>;
}

export interface VisitorSummary {
  id: number;
  /** Display name; anonymous visitors get "Visitor <id>". */
  name: string;
  context: VisitorContext;
  /** The contact owner (R1 `contact_owner`), a user id. */
  ownerId: number | null;
}

/** A conversation as agents see it in lists and the thread header. */
export interface ConversationSummary {
  id: number;
  status: ConversationStatus;
  channel: ConversationChannel;
  siteId: number;
  chatflowId: number;
  visitor: VisitorSummary;
  assignee: AgentPublic | null;
  /** Increases on every change; clients keep the highest version they have seen. */
  version: number;
  /** Sequence number of the newest message. */
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
  lastMessageAt: number | null;
  firstAgentReplyAt: number | null;
  closedAt: number | null;
  closeReason: CloseReason | null;
  routingState: RoutingState;
  /** Set while queued. */
  queue: QueueStatus | null;
  /** Nobody accepted it in time (R3): it counts as a missed chat. */
  missed: boolean;
  /** Read receipts: the highest message seq the visitor has read, and the highest any user has read (0 = none). */
  visitorReadSeq: number;
  agentReadSeq: number;
  /** Snoozed until this time (epoch ms): out of the open views until then; null when not snoozed. */
  snoozedUntil: number | null;
  /** Ticket properties (agent-only, never in VisitorConversation): see ticketProperties.ts. */
  priority: TicketPriority;
  category: string | null;
  /** Custom property values by definition key. */
  properties: Record<string, string>;
  /** The team it was routed or reassigned to: its team view lists it (I3, I5); null = no team. */
  teamId: number | null;
  /** Seq of the visitor's newest message (0 = none): unread while above agentReadSeq (see hasUnread). */
  lastVisitorSeq: number;
  /** The newest message a person or bot wrote, for the list row's sender and preview (I8). */
  lastMessage: LastMessagePreview | null;
}

/** A conversation as its visitor sees it: no agent-only data. */
export interface VisitorConversation {
  id: number;
  status: ConversationStatus;
  assignee: AgentPublic | null;
  version: number;
  lastSeq: number;
  createdAt: number;
  closedAt: number | null;
  closeReason: CloseReason | null;
  /** Set while the visitor waits for a free user: their place in line (W7 at capacity). */
  queue: QueueStatus | null;
  /** Read receipts: how far the visitor has read, and how far the team has read ("Seen"; names no agent). */
  visitorReadSeq: number;
  agentReadSeq: number;
}

export interface MessageAuthor {
  kind: AuthorKind;
  /** User id for `user`, visitor id for `visitor`, null for bot and system. */
  id: number | null;
  name: string;
  avatarUrl: string | null;
}

export interface Message {
  id: number;
  conversationId: number;
  /**
   * Per-conversation sequence number, 1-based, gap-free for users: order messages by it. Visitors
   * see gaps where internal notes are.
   */
  seq: number;
  /** The sender's idempotency key (null for bot and system lines); lets a sender match its pending copy. */
  clientMessageId: string | null;
  author: MessageAuthor;
  /** Plain text. Clients render it as text, never as HTML. */
  body: string;
  /**
   * What a system line says, as data, so the widget can word it in the chatflow's language
   * (W16); the body keeps the English line for the inbox, the API and emails. Absent or null on
   * ordinary messages and on lines stored before notices existed.
   */
  notice?: MessageNotice | null;
  /** An internal note between users: never sent, replayed or shown to the visitor. */
  internal: boolean;
  /** A file or image sent as this message (W12, I6); absent or null on text messages. */
  attachment?: MessageAttachment | null;
  createdAt: number;
}

/** A system line's meaning: an agent joined or closed the chat, the visitor ended it, or it timed out. */
export type MessageNotice =
  | { type: 'joined'; name: string }
  | { type: 'agentClosed'; name: string }
  | { type: 'visitorEnded' }
  | { type: 'inactive' }
  /** An internal line (issue 10): a user created a lead or a deal from this chat. */
  | { type: 'leadCreated' | 'dealCreated'; title: string; leadId: number }
  /** W8, a bot line: the flow asks this question; the widget shows `answers` as buttons until one is picked. */
  | { type: 'flowQuestion'; cardId: string; answers: string[] }
  /** W8, a bot line: the flow asks for these contact fields (FlowCaptureField names). */
  | { type: 'flowCapture'; cardId: string; fields: string[] }
  /** W8, the visitor's line answering a question (the body is the answer's label) or filling a capture card. */
  | { type: 'flowAnswer'; cardId: string; answerIndex: number }
  | { type: 'flowCaptured'; cardId: string }
  /** W8, a system line both sides see: the offline branch turned the visitor's details into a lead. */
  | { type: 'flowLeadCreated' };

export interface ViewCounts {
  unassigned: number;
  mine: number;
  /** Absent for agents when the workspace keeps the All view for admins (WorkspaceSummary.agentsSeeAll). */
  all?: number;
  closed: number;
  /** Open conversations snoozed until later (I3). */
  snoozed: number;
  /** One per team the user is a member of (admins: every team), by name (I3 team views). */
  teams?: TeamViewCount[];
}

/** The widget settings of a chatflow (W2, W3, W4). */
export interface ChatflowWidgetSettings {
  /** CSS hex colour, `#rrggbb`. */
  accentColor: string;
  /** W2: whose name and picture head the chat. */
  headingMode: HeadingMode;
  /** Custom branding: the team or bot name (also the fallback heading of the other modes). */
  headingName: string;
  /** Custom branding image: a URL Parley serves from an upload (`/files/...`), or null. */
  headingAvatarUrl: string | null;
  /** `users` mode: the users shown, in order. */
  headingUserIds: number[];
  /** Agents' messages reach the visitor under the branding name and image. */
  brandAsAgentAlias: boolean;
  /** First message the visitor sees when opening the chat (and the prompt bubble). Plain text. */
  welcomeMessage: string;
  display: ChatflowDisplay;
  /** W17: a short tone on the host page when an agent's message arrives while the chat is closed. */
  unreadSound: boolean;
  /** W17: the host page's title flashes ("(1) New message") until the visitor comes back or opens the chat. */
  unreadTitleFlash: boolean;
  /** W9: when the widget asks for the visitor's email. */
  emailCapture: EmailCaptureMode;
  /** `noReply`: minutes after the visitor's first message without a reply from a user. */
  emailCaptureMinutes: number;
  /** The prompt above the email field, in the chatflow's language. Plain text. */
  emailCapturePrompt: string;
  /** Login-only mode: who may start a chat (docs/chatflows.md says who counts as identified). */
  loginOnly: LoginOnlyMode;
}

export interface Chatflow {
  id: number;
  siteId: number;
  name: string;
  /** Unpublished chatflows never show (W6, A2). */
  published: boolean;
  /** Lower shows first among the site's chatflows whose targeting matches. */
  priority: number;
  language: ChatflowLanguage;
  settings: ChatflowWidgetSettings;
  targeting: ChatflowTargeting;
  routing: ChatflowRouting;
  availability: ChatflowAvailability;
  /** What a new conversation's ticket properties start as (agent-only; never in WidgetConfig). */
  ticketDefaults: ChatflowTicketDefaults;
  /** W10: cookie banner, data processing and communications consent, policy links (defaults in the chatflow's language). */
  consent: ChatflowConsent;
  /** W8: the cards run before (or instead of) the hand-off; every card has its `id`. */
  flow: FlowBranch;
  createdAt: number;
  updatedAt: number;
}

export interface Site {
  id: number;
  name: string;
  siteKey: string;
  /** Origins (`https://shop.example`) the widget runs on; empty = any (the demo site). */
  allowedOrigins: string[];
}

/** A site as admins see it: with the snippet and whether the widget loaded there lately. */
export interface AdminSite extends Site {
  /** The `<script>` tag to paste into the site. */
  embedSnippet: string;
  /** When a page outside Parley last loaded the widget config for this site; null = never. */
  widgetSeenAt: number | null;
  /** The page URL of that load. */
  widgetSeenUrl: string | null;
  /** W15: identify() calls without a valid hash are refused. */
  requireIdentityVerification: boolean;
  /** The HMAC key for identity hashes (W15); only admins get it, never agents or visitors. */
  secret?: string;
}

/** Public widget configuration for one page view, fetched by the loader and the chat frame. */
export interface WidgetConfig {
  siteKey: string;
  chatflowId: number;
  language: ChatflowLanguage;
  /** `updatedAt` of the chatflow: the loader re-reads the config when the stream reports a newer one. */
  version: number;
  accentColor: string;
  welcomeMessage: string;
  heading: WidgetHeading;
  brandAsAgentAlias: boolean;
  display: ChatflowDisplay;
  /** W17: the chatflow's unread alerts on the host page (the preview bubble always shows). */
  unreadSound: boolean;
  unreadTitleFlash: boolean;
  loaderStrings: LoaderStrings;
  /** W9: the email prompt; `visitorHasEmail` = this visitor already gave one (or the site did). */
  emailCapture: { mode: EmailCaptureMode; minutes: number; prompt: string; visitorHasEmail: boolean };
  /** Login-only mode and whether this visitor counts as identified (anonymous visitors get no config under `hideFromAnonymous`). */
  loginOnly: { mode: LoginOnlyMode; visitorIdentified: boolean };
  /** W10: the chatflow's consents as this visitor sees them (absent in an older server's answer and the admin preview). */
  consent?: WidgetConsent;
  /** The state when the config was read; `/api/widget/availability` streams changes. */
  availability: WidgetAvailability;
  /**
   * W8: what the flow says before the visitor writes (its leading message cards and a question
   * right after them), shown under the welcome; picking an answer starts the conversation
   * (POST /api/widget/flow/start). Absent in an older server's answer.
   */
  flowOpening?: WidgetFlowOpening;
}

export interface WidgetFlowOpening {
  messages: string[];
  question: { cardId: string; text: string; answers: string[] } | null;
}

export interface WorkspaceSummary {
  id: number;
  name: string;
  /** A1: the setup wizard was finished or skipped; until then the first admin is sent to it. */
  setupCompleted: boolean;
  /** I3: agents get the All view and its count (admins always do); admins change it. */
  agentsSeeAll: boolean;
}
