/** Password reset by email (I1): ask for a link, then set a new password with its token. */
import { request } from '../../api/request.js';

export const passwordResetApi = {
  /** Always answers the same (202), whether or not the address has an account. */
  requestLink: (email: string) => request<{ accepted: true }>('POST', '/api/auth/password-reset', { body: { email }, expectUnauthorized: true }),
  confirm: (token: string, password: string) =>
    request<void>('POST', '/api/auth/password-reset/confirm', { body: { token, password }, expectUnauthorized: true }),
};
