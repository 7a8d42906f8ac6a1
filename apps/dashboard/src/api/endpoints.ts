/** Typed wrappers for the agent and admin HTTP API (shapes from @parley/protocol). */
import type {
  AcceptInviteRequest,
  Availability,
  ChatflowResponse,
  ConversationListResponse,
  ConversationResponse,
  ConversationThreadResponse,
  CountsResponse,
  CreateUserRequest,
  CreateUserResponse,
  InboxView,
  LoginRequest,
  MeResponse,
  OffersResponse,
  SitesResponse,
  TeamRequest,
  TeamResponse,
  TeamsResponse,
  UpdateChatflowRequest,
  UpdateUserRequest,
  UserResponse,
  UserSummary,
  UsersResponse,
} from '@parley/protocol';
import { request } from './request.js';

export const api = {
  login: (body: LoginRequest) =>
    request<MeResponse>('POST', '/api/auth/login', { body, expectUnauthorized: true }),
  logout: () => request<void>('POST', '/api/auth/logout', { expectUnauthorized: true }),
  me: () => request<MeResponse>('GET', '/api/me', { expectUnauthorized: true }),
  acceptInvite: (body: AcceptInviteRequest) =>
    request<MeResponse>('POST', '/api/auth/accept-invite', { body, expectUnauthorized: true }),

  setAvailability: (availability: Availability) =>
    request<{ user: UserSummary }>('PUT', '/api/me/availability', { body: { availability } }),
  users: () => request<UsersResponse>('GET', '/api/users'),
  createUser: (body: CreateUserRequest) => request<CreateUserResponse>('POST', '/api/admin/users', { body }),
  updateUser: (id: number, body: UpdateUserRequest) =>
    request<UserResponse>('PATCH', `/api/admin/users/${id}`, { body }),

  conversations: (view: InboxView) =>
    request<ConversationListResponse>('GET', `/api/conversations?view=${encodeURIComponent(view)}`),
  counts: () => request<CountsResponse>('GET', '/api/conversations/counts'),
  thread: (id: number) => request<ConversationThreadResponse>('GET', `/api/conversations/${id}`),
  assign: (id: number, userId: number | null) =>
    request<ConversationResponse>('POST', `/api/conversations/${id}/assign`, { body: { userId } }),
  close: (id: number) => request<ConversationResponse>('POST', `/api/conversations/${id}/close`),
  setOwner: (id: number, userId: number | null) =>
    request<ConversationResponse>('PUT', `/api/conversations/${id}/owner`, { body: { userId } }),

  offers: () => request<OffersResponse>('GET', '/api/offers'),
  acceptOffer: (id: number) => request<ConversationResponse>('POST', `/api/offers/${id}/accept`),
  declineOffer: (id: number) => request<Record<string, never>>('POST', `/api/offers/${id}/decline`),

  teams: () => request<TeamsResponse>('GET', '/api/teams'),
  createTeam: (body: TeamRequest) => request<TeamResponse>('POST', '/api/admin/teams', { body }),
  updateTeam: (id: number, body: TeamRequest) => request<TeamResponse>('PUT', `/api/admin/teams/${id}`, { body }),
  deleteTeam: (id: number) => request<void>('DELETE', `/api/admin/teams/${id}`),

  sites: () => request<SitesResponse>('GET', '/api/admin/sites'),
  updateChatflow: (id: number, body: UpdateChatflowRequest) =>
    request<ChatflowResponse>('PATCH', `/api/admin/chatflows/${id}`, { body }),
};
