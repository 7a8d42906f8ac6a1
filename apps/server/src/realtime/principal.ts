/**
 * Who is on the other end of a socket, and what of the feed they may see. Visitors see events
 * about their own conversations only; users see workspace events, except threads of
 * conversations assigned to someone else (admins see everything).
 */
import type { FeedRow, UserRow, VisitorRow } from '../storage/schema.js';

export type Principal =
  | { kind: 'visitor'; visitor: VisitorRow; workspaceId: number }
  | { kind: 'agent'; user: UserRow; workspaceId: number };

export function canSee(principal: Principal, row: Pick<FeedRow, 'workspace_id' | 'visitor_id' | 'agent_user_id'>): boolean {
  if (row.workspace_id !== principal.workspaceId) return false;
  if (principal.kind === 'visitor') return row.visitor_id === principal.visitor.id;
  return row.agent_user_id === null || row.agent_user_id === principal.user.id || principal.user.role === 'admin';
}
