/**
 * Who may read and act on a conversation (I3). Enforced by the server on every route and
 * socket command, not only hidden in the inbox.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ConversationRow, UserRow } from '../../storage/schema.js';
import { DomainError } from '../errors.js';

type Actor = Pick<UserRow, 'id' | 'role' | 'workspace_id'>;
type Conversation = Pick<ConversationRow, 'workspace_id' | 'assignee_id' | 'status'>;

/** Admins read everything; agents read unassigned, their own and closed conversations. */
export function canReadConversation(user: Actor, conversation: Conversation): boolean {
  if (user.workspace_id !== conversation.workspace_id) return false;
  if (user.role === 'admin') return true;
  return conversation.assignee_id === null || conversation.assignee_id === user.id || conversation.status === 'closed';
}

/**
 * canReadConversation as a SQL condition on the conversations table under `alias`, for queries
 * that must return only what the user may open (search, I9). Keep the two in step; search also
 * re-checks each row with canReadConversation.
 */
export function readableConversationsSql(user: Actor, alias: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const workspace = sql<boolean>`${column('workspace_id')} = ${user.workspace_id}`;
  if (user.role === 'admin') return workspace;
  return sql<boolean>`(${workspace} and (${column('assignee_id')} is null or ${column('assignee_id')} = ${user.id} or ${column('status')} = 'closed'))`;
}

export function assertCanRead(user: Actor, conversation: Conversation | undefined): asserts conversation {
  if (!conversation || conversation.workspace_id !== user.workspace_id) throw new DomainError('not_found');
  if (!canReadConversation(user, conversation)) throw new DomainError('forbidden', 'assigned to another user');
}

/** Replying, assigning and closing need read access and an open conversation. */
export function assertCanAct(user: Actor, conversation: Conversation | undefined): asserts conversation {
  assertCanRead(user, conversation);
  if (conversation.status === 'closed') throw new DomainError('conversation_closed');
}

/**
 * Anyone may take an unassigned conversation or hand their own on; taking one away from
 * another user is for admins.
 */
export function assertCanAssign(user: Actor, conversation: Conversation | undefined): asserts conversation {
  assertCanAct(user, conversation);
  if (user.role !== 'admin' && conversation.assignee_id !== null && conversation.assignee_id !== user.id) {
    throw new DomainError('forbidden', 'assigned to another user');
  }
}
