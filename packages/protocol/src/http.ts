/**
 * HTTP API request and response shapes, by audience: `/api/widget/*` (visitors, bearer visitor
 * token), `/api/*` (signed-in users, session cookie), `/api/admin/*` (admins).
 * The OpenAPI document at `/api/openapi.json` is generated from the server's schemas.
 */
import type {
  Availability,
  AdminSite,
  Chatflow,
  ChatflowWidgetSettings,
  Permission,
  ConversationSummary,
  InboxView,
  Message,
  Site,
  UserRole,
  UserSummary,
  ViewCounts,
  VisitorConversation,
  WidgetConfig,
  WorkspaceSummary,
} from './models.js';
import type { ChatflowAvailability, ChatflowRouting, OfferEntry, Team } from './routing.js';
import type { ChatflowLanguage, ChatflowTargeting, Device } from './chatflows.js';
import type { ChatflowTicketDefaults } from './ticketProperties.js';
import type { ChatflowConsentPatch } from './consent.js';
import type { FlowBranch } from './flow.js';

export interface LoginRequest { email: string; password: string }
export interface MeResponse { user: UserSummary; workspace: WorkspaceSummary }
export interface AvailabilityRequest { availability: Availability }
export interface UsersResponse { users: UserSummary[] }
export interface CreateUserRequest {
  email: string;
  name: string;
  role: UserRole;
  /** Leave out to invite: the response then carries a one-time invite URL. */
  password?: string;
}
export interface CreateUserResponse { user: UserSummary; inviteUrl: string | null }
export interface AcceptInviteRequest { token: string; password: string }

/** Newest activity first (closed: newest close first), at most `limit` (default 50, max 200). */
export interface ConversationListQuery { view: InboxView; limit?: number }
export interface ConversationListResponse {
  conversations: ConversationSummary[];
  /** Pass as `cursor` for the next page; null = this was the last page. */
  nextCursor: string | null;
}
/** Reassign to a team (I5): unassigned within the team, routed to its members. */
export interface TeamAssignRequest { teamId: number }
/** Workspace settings of the inbox (I3), `GET`/`PUT /api/admin/inbox-settings`. */
export interface InboxSettings { agentsSeeAll: boolean }
export type CountsResponse = ViewCounts;
export interface ConversationThreadResponse { conversation: ConversationSummary; messages: Message[] }
export interface PostMessageRequest {
  clientMessageId: string;
  body: string;
  /** An internal note: users see it, the visitor never does (live, on resume or in a snapshot). */
  internal?: boolean;
}
export interface PostMessageResponse { message: Message; duplicate: boolean }
export interface AssignRequest { userId: number | null }
export interface ConversationResponse { conversation: ConversationSummary }

export interface SitesResponse { sites: Array<Site & { chatflows: Chatflow[] }> }

/** `config: null`: no published chatflow targets this page view (the widget does not show). */
export interface WidgetConfigResponse { config: WidgetConfig | null }
export interface WidgetSessionRequest { siteKey: string; visitorToken?: string }
/** The finished setup wizard (A1): `POST /api/admin/setup/complete` (also when skipped). */
export interface SetupCompleteResponse { workspace: WorkspaceSummary }
export interface WidgetSessionResponse { visitorId: number; visitorToken: string }
export interface WidgetConversationResponse { conversation: VisitorConversation | null; messages: Message[] }

/** Admin edits of a user (A3); every field is optional. */
export interface UpdateUserRequest {
  name?: string;
  role?: UserRole;
  skills?: string[];
  maxChats?: number;
  /** false deactivates the user (ends their sessions and sockets, stops routing to them); true reactivates. */
  active?: boolean;
  /** Replaces the user's extra grants (A3). */
  permissions?: Permission[];
}
export interface UserResponse { user: UserSummary }

export interface TeamsResponse { teams: Team[] }
export interface TeamRequest { name: string; memberIds: number[] }
export interface TeamResponse { team: Team }

/**
 * `PATCH /api/admin/chatflows/:id`: every field optional; `settings` fields are merged into the
 * stored settings one by one (`display` and `display.triggers` as a whole), the rest replace.
 */
export interface UpdateChatflowRequest {
  name?: string;
  published?: boolean;
  priority?: number;
  language?: ChatflowLanguage;
  settings?: Partial<ChatflowWidgetSettings>;
  targeting?: ChatflowTargeting;
  routing?: ChatflowRouting;
  availability?: ChatflowAvailability;
  /** Replaced as a whole; custom values are checked against the workspace's definitions. */
  ticketDefaults?: ChatflowTicketDefaults;
  /** W10: each part present is replaced whole; texts in the chatflow's language, links https only. */
  consent?: ChatflowConsentPatch;
  /** W8: replaced as a whole; cards without an `id` get one, the others keep theirs. */
  flow?: FlowBranch;
}
/**
 * `POST /api/admin/chatflows`: a new chatflow on a site. Left out: unpublished, priority after the
 * site's last, language `en`, heading and welcome message in that language, every page.
 */
export interface CreateChatflowRequest extends UpdateChatflowRequest {
  siteId: number;
  name: string;
}
/** `GET /api/admin/chatflows[?siteId=]`: by site, then priority. */
export interface ChatflowsResponse { chatflows: Chatflow[] }
/** `PUT /api/admin/sites/:id/chatflow-order`: every chatflow of the site, first shown first. */
export interface ChatflowOrderRequest { chatflowIds: number[] }
/** `POST /api/admin/sites`; `PATCH /api/admin/sites/:id` takes the same fields, optional. */
export interface SiteRequest { name: string; allowedOrigins: string[] }
export interface SiteResponse { site: AdminSite }
export interface AdminSitesResponse { sites: AdminSite[] }
/** `POST /api/admin/uploads` (raw image bytes, ≤ 1 MB, PNG/JPEG/GIF/WebP sniffed): a public URL. */
export interface UploadResponse { file: { url: string; contentType: string; size: number } }
export interface ChatflowResponse { chatflow: Chatflow }

/** My pending offers, oldest first, each with its conversation (for the banner after a reload). */
export interface OffersResponse { offers: OfferEntry[] }

export interface OwnerRequest { userId: number | null }

/**
 * `GET /api/widget/config?siteKey=&url=&device=` (optional `authorization: Bearer <visitor token>`
 * to tell a known visitor): the config of the chatflow targeting picks for that page view, or
 * `config: null` when none shows. With `chatflowId=` instead of `url`: that chatflow's config if
 * it is published (the chat frame, which the loader tells which chatflow it shows).
 */
export interface WidgetConfigQuery { siteKey: string; url?: string; device?: Device; chatflowId?: number }

/**
 * `GET /api/widget/availability?siteKey=&chatflowId=` is a server-sent event stream: an
 * `availability` event with a WidgetAvailability on connect and whenever it changes, and a
 * `config` event ({@link WidgetConfigChanged}) when the chatflow is edited, unpublished or deleted.
 */
export const WIDGET_AVAILABILITY_EVENT = 'availability';
export const WIDGET_CONFIG_EVENT = 'config';
/** The loader fetches the config again (with the page URL) when `version` is not the one it has. */
export interface WidgetConfigChanged { chatflowId: number; version: number }

// Search (I9): `GET /api/search?q=` — messages and contacts the signed-in user may open.
/** Half-open range [start, end) of UTF-16 offsets into the plain text it belongs to. */
export interface SearchHighlight { start: number; end: number }
export interface SearchQuery { q: string; limit?: number }
/** A conversation with its best-matching message: plain text, marked by the client, never HTML. */
export interface SearchConversationHit {
  conversationId: number;
  status: 'open' | 'closed';
  visitorName: string;
  assigneeName: string | null;
  messageId: number;
  authorKind: 'visitor' | 'user';
  /** Part of the message around the first match ("…" where it was cut). */
  snippet: string;
  highlights: SearchHighlight[];
  messageAt: number;
}
/**
 * A contact (issue 10: a contacts row; or a visitor the site identified by properties that is not
 * linked to a contact) with the newest conversation the user may open.
 */
export interface SearchContactHit {
  /** The contact's id; null for an identified visitor that is not a contact. */
  contactId: number | null;
  /** The visitor, or the contact's most recently seen visitor (0 when it has none). */
  visitorId: number;
  name: string;
  email: string | null;
  pageUrl: string | null;
  lastSeenAt: number;
  conversationId: number | null;
  nameHighlights: SearchHighlight[];
  emailHighlights: SearchHighlight[];
}
export interface SearchResponse { conversations: SearchConversationHit[]; contacts: SearchContactHit[] }
