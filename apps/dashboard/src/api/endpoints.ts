/** Typed wrappers for the agent and admin HTTP API (shapes from @parley/protocol). */
import type {
  AcceptInviteRequest,
  AdminSitesResponse,
  Availability,
  ChatflowResponse,
  ChatflowsResponse,
  ConversationListResponse,
  ConversationResponse,
  ConversationThreadResponse,
  CountsResponse,
  CreateChatflowRequest,
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
  UploadResponse,
  UpdateUserRequest,
  UserResponse,
  UserSummary,
  UsersResponse,
} from '@parley/protocol';
import { isErrorCode } from '@parley/protocol';
import { ApiError, request } from './request.js';

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

  // Chatflows (A2) and the sites they belong to. Everyone signed in may read; editing needs admin
  // or `chatflows:edit` (the server decides).
  adminSites: () => request<AdminSitesResponse>('GET', '/api/admin/sites'),
  chatflows: (siteId?: number) =>
    request<ChatflowsResponse>('GET', siteId === undefined ? '/api/admin/chatflows' : `/api/admin/chatflows?siteId=${siteId}`),
  chatflow: (id: number) => request<ChatflowResponse>('GET', `/api/admin/chatflows/${id}`),
  createChatflow: (body: CreateChatflowRequest) => request<ChatflowResponse>('POST', '/api/admin/chatflows', { body }),
  duplicateChatflow: (id: number) => request<ChatflowResponse>('POST', `/api/admin/chatflows/${id}/duplicate`),
  deleteChatflow: (id: number) => request<void>('DELETE', `/api/admin/chatflows/${id}`),
  setChatflowOrder: (siteId: number, chatflowIds: number[]) =>
    request<ChatflowsResponse | void>('PUT', `/api/admin/sites/${siteId}/chatflow-order`, { body: { chatflowIds } }),
  uploadImage: (file: Blob) => uploadRaw(file),
};

/** `POST /api/admin/uploads` takes the raw bytes (the server sniffs the type), not JSON. */
async function uploadRaw(file: Blob): Promise<UploadResponse> {
  let response: Response;
  try {
    response = await fetch('/api/admin/uploads', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'internal_error', 'The server cannot be reached. Check your connection.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as UploadResponse;
  const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const message = typeof error?.message === 'string' ? error.message : `Upload failed (${response.status}).`;
  throw new ApiError(response.status, isErrorCode(error?.code) ? error.code : 'bad_request', message);
}
