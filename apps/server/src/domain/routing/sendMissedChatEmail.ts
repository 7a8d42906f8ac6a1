/**
 * The failed-action email (R3, I8) for a chat nobody accepted: to the chatflow's owners, or to
 * every admin when none are set. Runs from a durable deadline after the fallback committed; a
 * send error leaves the deadline in place to be retried.
 */
import type { AppContext } from '../context.js';
import { parseRouting } from './routingSettings.js';
import { composeMissedChatEmail } from './missedChatEmail.js';
import { parseContext } from '../visitors/visitorContext.js';
import { visitorDisplayName } from '../conversations/presenters.js';

export async function sendMissedChatEmail(ctx: AppContext, conversationId: number): Promise<void> {
  const db = ctx.storage.db;
  const row = await db
    .selectFrom('conversations')
    .innerJoin('chatflows', 'chatflows.id', 'conversations.chatflow_id')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .innerJoin('workspaces', 'workspaces.id', 'conversations.workspace_id')
    .select([
      'conversations.id',
      'conversations.workspace_id',
      'conversations.created_at',
      'chatflows.name as chatflow_name',
      'chatflows.routing',
      'visitors.id as visitor_id',
      'visitors.name as visitor_name',
      'visitors.context',
      'workspaces.name as workspace_name',
    ])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return;
  const owners = parseRouting(row.routing).ownerUserIds;
  let recipients = db.selectFrom('users').select('email').where('workspace_id', '=', row.workspace_id).where('deleted_at', 'is', null);
  recipients = owners.length > 0 ? recipients.where('id', 'in', owners) : recipients.where('role', '=', 'admin');
  const to = (await recipients.execute()).map((r) => r.email);
  if (to.length === 0) return;
  const first = await db
    .selectFrom('messages')
    .select('body')
    .where('conversation_id', '=', conversationId)
    .where('author_kind', '=', 'visitor')
    .orderBy('seq')
    .executeTakeFirst();
  const mail = composeMissedChatEmail({
    workspaceName: row.workspace_name,
    chatflowName: row.chatflow_name,
    conversationId,
    visitorName: visitorDisplayName({ id: row.visitor_id, name: row.visitor_name }),
    pageUrl: parseContext(row.context).pageUrl,
    firstMessage: first?.body ?? null,
    createdAt: row.created_at,
    inboxUrl: `${ctx.config.publicUrl}/inbox/conversations/${conversationId}`,
  });
  await ctx.mailer.send({ to, ...mail });
}
