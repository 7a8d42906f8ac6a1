/**
 * The inbox lists (I3): one page of a view or team view with filters, in keyset order, so a
 * list of any length is read a page at a time with one indexed range scan per page. Rows that
 * change while an agent pages (new chats, new activity) come to the top of the list; the inbox
 * gets them from realtime frames, and the next pages still hold each remaining row once.
 */
import { createHash } from 'node:crypto';
import type { ConversationListParams, ConversationListResponse, ListStatus } from '@parley/protocol';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertMaySeeAll, assertMaySeeTeam } from './listAccess.js';
import { decodeCursor, encodeCursor, type ListOrder } from './listCursor.js';
import { summaryQuery, toSummary } from './presenters.js';

const DEFAULT_LIMIT = 50;

export async function listConversations(ctx: AppContext, user: UserRow, params: ConversationListParams): Promise<ConversationListResponse> {
  const db = ctx.storage.db;
  const status = listStatus(params);
  if (params.view === 'all') await assertMaySeeAll(db, user);
  if (params.view === 'team') {
    if (params.team === undefined) throw new DomainError('validation_failed', 'querystring/team is required with view=team');
    await assertMaySeeTeam(db, user, params.team);
  }
  await assertFilterTargets(ctx, user, params);

  let query = summaryQuery(db).where('conversations.workspace_id', '=', user.workspace_id);
  if (status === 'closed') query = query.where('conversations.status', '=', 'closed');
  else if (status === 'snoozed') query = query.where('conversations.status', '=', 'open').where('conversations.snoozed_until', 'is not', null);
  // Snoozed chats leave the open views until they wake.
  else query = query.where('conversations.status', '=', 'open').where('conversations.snoozed_until', 'is', null);

  if (params.view === 'unassigned') query = query.where('conversations.assignee_id', 'is', null);
  if (params.view === 'mine') query = query.where('conversations.assignee_id', '=', user.id);
  if (params.team !== undefined) query = query.where('conversations.team_id', '=', params.team);
  if (params.assignee === 'unassigned') query = query.where('conversations.assignee_id', 'is', null);
  else if (params.assignee !== undefined) query = query.where('conversations.assignee_id', '=', params.assignee);
  if (params.chatflow !== undefined) query = query.where('conversations.chatflow_id', '=', params.chatflow);
  if (params.priority !== undefined) query = query.where('conversations.priority', '=', params.priority);
  if (params.category !== undefined) query = query.where('conversations.category', '=', listCategory(params.category));

  const order: ListOrder = status === 'closed' ? 'closed' : status === 'snoozed' ? 'wake' : 'activity';
  const scope = listScope(params, status);
  const column = order === 'closed' ? 'conversations.closed_at' : order === 'wake' ? 'conversations.snoozed_until' : 'conversations.updated_at';
  // Snoozed: the next to wake first, as they come back; the others newest first.
  const direction = order === 'wake' ? 'asc' : 'desc';
  if (params.cursor !== undefined) {
    const after = decodeCursor(params.cursor, { order, scope });
    const beyond = direction === 'asc' ? '>' : '<';
    query = query.where((eb) => eb.or([eb(column, beyond, after.key), eb.and([eb(column, '=', after.key), eb('conversations.id', beyond, after.id)])]));
  }
  const limit = params.limit ?? DEFAULT_LIMIT;
  const rows = await query.orderBy(column, direction).orderBy('conversations.id', direction).limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ order, key: Number(order === 'closed' ? last.closed_at : order === 'wake' ? last.snoozed_until : last.updated_at), id: last.id, scope })
      : null;
  return { conversations: page.map(toSummary), nextCursor };
}

/** The view's own state, or the status filter where the view leaves it open. */
function listStatus(params: ConversationListParams): ListStatus {
  if (params.view === 'closed' || params.view === 'snoozed') {
    if (params.status !== undefined && params.status !== params.view) throw new DomainError('validation_failed', `querystring/status must be ${params.view} in the ${params.view} view`);
    return params.view;
  }
  return params.status ?? 'open';
}

function listScope(params: ConversationListParams, status: ListStatus): string {
  // The category is free text: a digest keeps the cursor short whatever it is.
  const category = params.category === undefined ? '' : createHash('sha256').update(listCategory(params.category)).digest('base64url').slice(0, 16);
  return [params.view, status, params.team ?? '', params.assignee ?? '', params.chatflow ?? '', params.priority ?? '', category].join('|');
}

/** Categories are stored trimmed (ticketProperties/values.ts); a blank one names nothing. */
function listCategory(raw: string): string {
  const category = raw.trim();
  if (category === '') throw new DomainError('validation_failed', 'querystring/category must not be blank');
  return category;
}

/** A filter naming a user or chatflow of another workspace (or none) is a mistake, not an empty list. */
async function assertFilterTargets(ctx: AppContext, user: UserRow, params: ConversationListParams): Promise<void> {
  const db = ctx.storage.db;
  if (typeof params.assignee === 'number') {
    const found = await db.selectFrom('users').select('id').where('id', '=', params.assignee).where('workspace_id', '=', user.workspace_id).executeTakeFirst();
    if (!found) throw new DomainError('validation_failed', 'querystring/assignee is not a user of this workspace');
  }
  if (params.chatflow !== undefined) {
    const found = await db.selectFrom('chatflows').select('id').where('id', '=', params.chatflow).where('workspace_id', '=', user.workspace_id).executeTakeFirst();
    if (!found) throw new DomainError('validation_failed', 'querystring/chatflow is not a chatflow of this workspace');
  }
  if (params.team !== undefined && params.view !== 'team') {
    const found = await db.selectFrom('teams').select('id').where('id', '=', params.team).where('workspace_id', '=', user.workspace_id).executeTakeFirst();
    if (!found) throw new DomainError('validation_failed', 'querystring/team is not a team of this workspace');
  }
}
