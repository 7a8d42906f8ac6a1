/**
 * What every email about a chat says about it (workspace, chatflow, visitor, page, start, link),
 * read in one query. Shared by the missed-chat email and the I8 notification emails.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { visitorDisplayName } from '../conversations/presenters.js';
import { parseContext } from '../visitors/visitorContext.js';

export interface ChatEmailFacts {
  conversationId: number;
  workspaceId: number;
  workspaceName: string;
  chatflowName: string;
  /** The chatflow's routing settings as stored (JSON). */
  routing: string;
  visitorName: string;
  pageUrl: string | null;
  createdAt: number;
  status: 'open' | 'closed';
  assigneeId: number | null;
  /** Full link to the conversation in the inbox. */
  inboxUrl: string;
}

export async function loadChatEmailFacts(ctx: AppContext, conversationId: number): Promise<ChatEmailFacts | undefined> {
  const row = await ctx.storage.db
    .selectFrom('conversations')
    .innerJoin('chatflows', 'chatflows.id', 'conversations.chatflow_id')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .innerJoin('workspaces', 'workspaces.id', 'conversations.workspace_id')
    .select([
      'conversations.workspace_id',
      'conversations.created_at',
      'conversations.status',
      'conversations.assignee_id',
      'chatflows.name as chatflow_name',
      'chatflows.routing',
      'visitors.id as visitor_id',
      'visitors.name as visitor_name',
      'visitors.context',
      'workspaces.name as workspace_name',
    ])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    conversationId,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    chatflowName: row.chatflow_name,
    routing: row.routing,
    visitorName: visitorDisplayName({ id: row.visitor_id, name: row.visitor_name }),
    pageUrl: parseContext(row.context).pageUrl,
    createdAt: row.created_at,
    status: row.status,
    assigneeId: row.assignee_id,
    inboxUrl: `${ctx.config.publicUrl}/inbox/conversations/${conversationId}`,
  };
}

/** The visitor's first or latest message (internal notes are never the visitor's), or null. */
export async function visitorMessageBody(db: Kysely<Database>, conversationId: number, which: 'first' | 'latest'): Promise<string | null> {
  const row = await db
    .selectFrom('messages')
    .select('body')
    .where('conversation_id', '=', conversationId)
    .where('author_kind', '=', 'visitor')
    .orderBy('seq', which === 'first' ? 'asc' : 'desc')
    .executeTakeFirst();
  return row?.body ?? null;
}
