/**
 * Inbox reads: live counts, a thread, and the visitor's own latest conversation (the lists are in
 * conversationLists.ts).
 */
import type { ConversationSummary, Message, ViewCounts, VisitorConversation } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../storage/schema.js';
import { aliasMessage, aliasVisitorConversation, loadAgentAlias } from '../branding/agentAlias.js';
import type { AppContext } from '../context.js';
import { maySeeAll } from './listAccess.js';
import { loadConversationRow } from './loadConversation.js';
import { countTeamViews } from './teamViews.js';
import { assertCanRead } from './policies.js';
import { loadSummary, messageQuery, summaryQuery, toMessage, toSummary, toVisitorConversation } from './presenters.js';

/** Counts of every view the user gets (I3): All only where allowed, one per viewable team. */
export async function countViews(ctx: AppContext, user: UserRow): Promise<ViewCounts> {
  const rows = await ctx.storage.db
    .selectFrom('conversations')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('total'),
      // Open views leave snoozed chats out; they are counted under snoozed instead.
      eb.fn.count<number>(eb.case().when('snoozed_until', 'is', null).then(1).end()).as('awake'),
      eb.fn.count<number>(eb.case().when(eb.and([eb('assignee_id', 'is', null), eb('snoozed_until', 'is', null)])).then(1).end()).as('unassigned'),
      eb.fn.count<number>(eb.case().when(eb.and([eb('assignee_id', '=', user.id), eb('snoozed_until', 'is', null)])).then(1).end()).as('mine'),
      eb.fn.count<number>(eb.case().when('snoozed_until', 'is not', null).then(1).end()).as('snoozed'),
    ])
    .where('workspace_id', '=', user.workspace_id)
    .groupBy('status')
    .execute();
  const open = rows.find((r) => r.status === 'open');
  const closed = rows.find((r) => r.status === 'closed');
  const counts: ViewCounts = {
    unassigned: Number(open?.unassigned ?? 0),
    mine: Number(open?.mine ?? 0),
    closed: Number(closed?.total ?? 0),
    snoozed: Number(open?.snoozed ?? 0),
    teams: await countTeamViews(ctx.storage.db, user),
  };
  if (await maySeeAll(ctx.storage.db, user)) counts.all = Number(open?.awake ?? 0);
  return counts;
}

export async function getThread(
  ctx: AppContext,
  user: UserRow,
  conversationId: number,
): Promise<{ conversation: ConversationSummary; messages: Message[] }> {
  const row = await loadConversationRow(ctx.storage.db, conversationId);
  assertCanRead(user, row);
  const summary = await loadSummary(ctx.storage.db, conversationId);
  return { conversation: summary, messages: await loadMessages(ctx.storage.db, conversationId) };
}

export async function loadMessages(db: Kysely<Database>, conversationId: number, options: { withNotes: boolean } = { withNotes: true }): Promise<Message[]> {
  let query = messageQuery(db).where('messages.conversation_id', '=', conversationId);
  if (!options.withNotes) query = query.where('messages.internal', '=', 0);
  const rows = await query.orderBy('messages.seq').execute();
  return rows.map(toMessage);
}

/** The visitor's newest conversation (open or closed) with its thread: the widget's snapshot. */
export async function latestVisitorConversation(
  db: Kysely<Database>,
  visitorId: number,
): Promise<{ conversation: VisitorConversation | null; messages: Message[] }> {
  const row = await summaryQuery(db)
    .where('conversations.visitor_id', '=', visitorId)
    .orderBy('conversations.id', 'desc')
    .executeTakeFirst();
  if (!row) return { conversation: null, messages: [] };
  // Agents appear under the brand when the chatflow says so (W2 alias).
  const alias = await loadAgentAlias(db, row.chatflow_id);
  return {
    conversation: aliasVisitorConversation(toVisitorConversation(toSummary(row)), alias),
    // Internal notes are for users only: never in the visitor's snapshot.
    messages: (await loadMessages(db, row.id, { withNotes: false })).map((message) => aliasMessage(message, alias)),
  };
}
