/** The profile routes (I1): my own name, password and other sessions. */
import type { UserResponse } from '@parley/protocol';
import { request } from '../../api/request.js';

export const profileApi = {
  rename: (name: string) => request<UserResponse>('PATCH', '/api/me', { body: { name } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/me/password', { body: { currentPassword, newPassword } }),
  revokeOtherSessions: () => request<{ ended: number }>('POST', '/api/me/sessions/revoke-others'),
};
