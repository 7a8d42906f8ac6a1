/**
 * A3: who may change chatflows and sites — admins, and users an admin granted `chatflows:edit`.
 * Everyone signed in may read them. Checked against the user row as stored for this request, so
 * a revoked grant counts from the next request on.
 */
import { PERMISSIONS, type Permission } from '@parley/protocol';
import type { UserRow } from '../../storage/schema.js';
import { DomainError } from '../errors.js';

export function parsePermissions(json: string): Permission[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? PERMISSIONS.filter((p) => value.includes(p)) : [];
  } catch {
    return [];
  }
}

export function canEditChatflows(user: Pick<UserRow, 'role' | 'permissions'>): boolean {
  return user.role === 'admin' || parsePermissions(user.permissions).includes('chatflows:edit');
}

export function assertCanEditChatflows(user: Pick<UserRow, 'role' | 'permissions'>): void {
  if (!canEditChatflows(user)) throw new DomainError('forbidden', 'changing chatflows and sites needs an admin or the chatflows:edit permission');
}
