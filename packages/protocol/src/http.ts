/**
 * HTTP API request and response shapes, by audience: `/api/widget/*` (visitors, bearer visitor
 * token), `/api/*` (signed-in users, session cookie), `/api/admin/*` (admins).
 * The OpenAPI document at `/api/openapi.json` is generated from the server's schemas.
 */
import type {
  Availability,
  Chatflow,
  ChatflowWidgetSettings,
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
export interface ConversationListResponse { conversations: ConversationSummary[] }
export type CountsResponse = ViewCounts;
export interface ConversationThreadResponse { conversation: ConversationSummary; messages: Message[] }
export interface PostMessageRequest { clientMessageId: string; body: string }
export interface PostMessageResponse { message: Message; duplicate: boolean }
export interface AssignRequest { userId: number | null }
export interface ConversationResponse { conversation: ConversationSummary }

export interface SitesResponse { sites: Array<Site & { chatflows: Chatflow[] }> }

export interface WidgetConfigResponse { config: WidgetConfig }
export interface WidgetSessionRequest { siteKey: string; visitorToken?: string }
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
}
export interface UserResponse { user: UserSummary }

export interface TeamsResponse { teams: Team[] }
export interface TeamRequest { name: string; memberIds: number[] }
export interface TeamResponse { team: Team }

/** Replace any of a chatflow's setting groups (A2, A7); the rest stay as they are. */
export interface UpdateChatflowRequest {
  settings?: ChatflowWidgetSettings;
  routing?: ChatflowRouting;
  availability?: ChatflowAvailability;
}
export interface ChatflowResponse { chatflow: Chatflow }

/** My pending offers, oldest first, each with its conversation (for the banner after a reload). */
export interface OffersResponse { offers: OfferEntry[] }

export interface OwnerRequest { userId: number | null }

/**
 * `GET /api/widget/availability?siteKey=` is a server-sent event stream: an `availability`
 * event with a WidgetAvailability on connect and whenever it changes.
 */
export const WIDGET_AVAILABILITY_EVENT = 'availability';
