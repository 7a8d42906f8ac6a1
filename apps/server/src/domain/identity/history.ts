/**
 * W15: a verified visitor sees its contact's conversations from every device and browser on this
 * site (those of every visitor verified as the same contact there), newest first, as visitors see
 * conversations (no internal notes, agents under the brand when the chatflow says so). Anyone
 * else sees only their own. Read-only: a new message still goes to this visitor's own chat.
 */
import type { WidgetHistoryResponse } from '@parley/protocol';
import type { VisitorRow } from '../../storage/schema.js';
import { aliasMessage, aliasVisitorConversation, loadAgentAlias } from '../branding/agentAlias.js';
import type { AppContext } from '../context.js';
import { summaryQuery, toSummary, toVisitorConversation } from '../conversations/presenters.js';
import { loadMessages } from '../conversations/queries.js';

const HISTORY_MAX_CONVERSATIONS = 20;

export async function visitorHistory(ctx: AppContext, visitor: VisitorRow): Promise<WidgetHistoryResponse> {
  const db = ctx.storage.db;
  const current = await db.selectFrom('visitors').select(['contact_id', 'identity_verified']).where('id', '=', visitor.id).executeTakeFirstOrThrow();
  const visitorIds =
    current.identity_verified === 1 && current.contact_id !== null
      ? (
          await db
            .selectFrom('visitors')
            .select('id')
            .where('contact_id', '=', current.contact_id)
            .where('identity_verified', '=', 1)
            .where('site_id', '=', visitor.site_id)
            .execute()
        ).map((v) => Number(v.id))
      : [visitor.id];
  const rows = await summaryQuery(db).where('conversations.visitor_id', 'in', visitorIds).orderBy('conversations.id', 'desc').limit(HISTORY_MAX_CONVERSATIONS).execute();
  const conversations = [];
  for (const row of rows) {
    const alias = await loadAgentAlias(db, row.chatflow_id);
    conversations.push({
      conversation: aliasVisitorConversation(toVisitorConversation(toSummary(row)), alias),
      messages: (await loadMessages(db, Number(row.id), { withNotes: false })).map((message) => aliasMessage(message, alias)),
    });
  }
  return { conversations };
}
