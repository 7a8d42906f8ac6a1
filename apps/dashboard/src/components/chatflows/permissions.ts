import type { UserSummary } from '@parley/protocol';

/** A3: admins, and users granted `chatflows:edit`, may change chatflows; the server checks it too. */
export function canEditChatflows(user: UserSummary | null | undefined): boolean {
  return !!user && (user.role === 'admin' || user.permissions.includes('chatflows:edit'));
}
