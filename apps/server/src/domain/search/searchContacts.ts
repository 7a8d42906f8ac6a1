/**
 * Contacts (I9). Until contacts exist as their own records (issue 10), a contact is a visitor
 * the site identified: a name or an email among the properties it reported. Matched by substring
 * on `visitors.search_name` (see storage/drivers/fullTextSearch.ts) inside the user's workspace,
 * newest first, each with the newest conversation the user may open.
 */
import type { SearchContactHit } from '@parley/protocol';
import { sql } from 'kysely';
import type { ConversationRow, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { canReadConversation, readableConversationsSql } from '../conversations/policies.js';
import { parseContext } from '../visitors/visitorContext.js';
import { substringHighlights } from './highlights.js';
import { containsPattern } from './terms.js';

interface VisitorHitRow {
  id: number;
  name: string | null;
  context: string;
  last_seen_at: number;
}

type ConversationRef = Pick<ConversationRow, 'id' | 'visitor_id' | 'workspace_id' | 'assignee_id' | 'status'>;

export async function searchContacts(ctx: AppContext, user: UserRow, pieces: string[], limit: number): Promise<SearchContactHit[]> {
  if (pieces.length === 0) return [];
  const matchesAll = sql.join(
    pieces.map((piece) => sql`v.search_name like ${containsPattern(piece)} escape '\\'`),
    sql` and `,
  );
  const { rows } = await sql<VisitorHitRow>`
    select v.id, v.name, v.context, v.last_seen_at from visitors v
    where v.workspace_id = ${user.workspace_id} and v.search_name <> '' and ${matchesAll}
    order by v.last_seen_at desc, v.id desc
    limit ${limit}`.execute(ctx.storage.db);
  if (rows.length === 0) return [];

  const ids = rows.map((row) => Number(row.id));
  const { rows: conversations } = await sql<ConversationRef>`
    select c.id, c.visitor_id, c.workspace_id, c.assignee_id, c.status from conversations c
    where c.visitor_id in (${sql.join(ids)}) and ${readableConversationsSql(user, 'c')}
    order by c.id desc`.execute(ctx.storage.db);
  const newest = new Map<number, number>();
  for (const conversation of conversations) {
    const visitorId = Number(conversation.visitor_id);
    if (!newest.has(visitorId) && canReadConversation(user, conversation)) newest.set(visitorId, Number(conversation.id));
  }

  return rows.map((row) => {
    const context = parseContext(row.context);
    const name = row.name ?? context.properties.name ?? `Visitor ${row.id}`;
    const email = context.properties.email ?? null;
    return {
      visitorId: Number(row.id),
      name,
      email,
      pageUrl: context.pageUrl,
      lastSeenAt: Number(row.last_seen_at),
      conversationId: newest.get(Number(row.id)) ?? null,
      nameHighlights: substringHighlights(name, pieces),
      emailHighlights: email === null ? [] : substringHighlights(email, pieces),
    };
  });
}
