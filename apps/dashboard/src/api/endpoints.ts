/** Typed wrappers for the agent and admin HTTP API (shapes from @parley/protocol). */
import type {
  AcceptInviteRequest,
  Availability,
  ConversationListResponse,
  ConversationResponse,
  ConversationThreadResponse,
  CountsResponse,
  CreateUserRequest,
  CreateUserResponse,
  InboxView,
  LoginRequest,
  MeResponse,
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

  conversations: (view: InboxView) =>
    request<ConversationListResponse>('GET', `/api/conversations?view=${encodeURIComponent(view)}`),
  counts: () => request<CountsResponse>('GET', '/api/conversations/counts'),
  thread: (id: number) => request<ConversationThreadResponse>('GET', `/api/conversations/${id}`),
  assign: (id: number, userId: number | null) =>
    request<ConversationResponse>('POST', `/api/conversations/${id}/assign`, { body: { userId } }),
  close: (id: number) => request<ConversationResponse>('POST', `/api/conversations/${id}/close`),
};
