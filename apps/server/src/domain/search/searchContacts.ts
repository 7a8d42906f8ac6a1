/**
 * Contacts (I9, issue 10): rows of `contacts` whose name or email (search_text, lower-cased by the
 * server) contains every piece of the query, under the contact read rule (contactPolicies.ts);
 * then visitors the site identified by `name`/`email` properties that are not linked to a contact
 * (`visitors.search_name`, see storage/drivers/fullTextSearch.ts). Newest first, inside the user's
 * workspace, each with the newest conversation the user may open.
 */
import type { SearchContactHit } from '@parley/protocol';
import { sql } from 'kysely';
import type { ContactRow, ConversationRow, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { readableContactsSql } from '../contacts/contactPolicies.js';
import { contactDisplayName } from '../contacts/contactPresenters.js';
import { canReadConversation, readableConversationsSql } from '../conversations/policies.js';
import { parseContext } from '../visitors/visitorContext.js';
import { substringHighlights } from './highlights.js';
import { containsPattern } from './terms.js';

interface VisitorHitRow {
  id: number;
  name: string | null;
  context: string;
  last_seen_at: number;
  contact_id: number | null;
}

type ConversationRef = Pick<ConversationRow, 'id' | 'visitor_id' | 'workspace_id' | 'assignee_id' | 'status'>;

function matchAll(column: string, pieces: string[]) {
  return sql.join(
    pieces.map((piece) => sql`${sql.ref(column)} like ${containsPattern(piece)} escape '\\'`),
    sql` and `,
  );
}

/** The newest readable conversation per visitor id. */
async function newestReadable(ctx: AppContext, user: UserRow, visitorIds: number[]): Promise<Map<number, number>> {
  const newest = new Map<number, number>();
  if (visitorIds.length === 0) return newest;
  const { rows } = await sql<ConversationRef>`
    select c.id, c.visitor_id, c.workspace_id, c.assignee_id, c.status from conversations c
    where c.visitor_id in (${sql.join(visitorIds)}) and ${readableConversationsSql(user, 'c')}
    order by c.id desc`.execute(ctx.storage.db);
  for (const conversation of rows) {
    const visitorId = Number(conversation.visitor_id);
    if (!newest.has(visitorId) && canReadConversation(user, conversation)) newest.set(visitorId, Number(conversation.id));
  }
  return newest;
}

export async function searchContacts(ctx: AppContext, user: UserRow, pieces: string[], limit: number): Promise<SearchContactHit[]> {
  if (pieces.length === 0) return [];
  const contactHits = await searchContactRows(ctx, user, pieces, limit);
  if (contactHits.length >= limit) return contactHits;
  return [...contactHits, ...(await searchIdentifiedVisitors(ctx, user, pieces, limit - contactHits.length))];
}

async function searchContactRows(ctx: AppContext, user: UserRow, pieces: string[], limit: number): Promise<SearchContactHit[]> {
  const { rows } = await sql<ContactRow>`
    select c.* from contacts c
    where ${readableContactsSql(user, 'c')} and ${matchAll('c.search_text', pieces)}
    order by c.updated_at desc, c.id desc
    limit ${limit}`.execute(ctx.storage.db);
  if (rows.length === 0) return [];
  const { rows: visitors } = await sql<VisitorHitRow>`
    select v.id, v.name, v.context, v.last_seen_at, v.contact_id from visitors v
    where v.contact_id in (${sql.join(rows.map((r) => Number(r.id)))})
    order by v.last_seen_at desc, v.id desc`.execute(ctx.storage.db);
  const newest = await newestReadable(ctx, user, visitors.map((v) => Number(v.id)));
  return rows.map((row) => {
    const mine = visitors.filter((v) => Number(v.contact_id) === Number(row.id));
    const conversationIds = mine.map((v) => newest.get(Number(v.id))).filter((id): id is number => id !== undefined);
    const latest = mine[0];
    const name = contactDisplayName(row);
    return {
      contactId: Number(row.id),
      visitorId: latest ? Number(latest.id) : 0,
      name,
      email: row.email,
      pageUrl: latest ? parseContext(latest.context).pageUrl : null,
      lastSeenAt: latest ? Number(latest.last_seen_at) : Number(row.updated_at),
      conversationId: conversationIds.length > 0 ? Math.max(...conversationIds) : null,
      nameHighlights: substringHighlights(name, pieces),
      emailHighlights: row.email === null ? [] : substringHighlights(row.email, pieces),
    };
  });
}

async function searchIdentifiedVisitors(ctx: AppContext, user: UserRow, pieces: string[], limit: number): Promise<SearchContactHit[]> {
  const { rows } = await sql<VisitorHitRow>`
    select v.id, v.name, v.context, v.last_seen_at, v.contact_id from visitors v
    where v.workspace_id = ${user.workspace_id} and v.search_name <> '' and v.contact_id is null and ${matchAll('v.search_name', pieces)}
    order by v.last_seen_at desc, v.id desc
    limit ${limit}`.execute(ctx.storage.db);
  const newest = await newestReadable(ctx, user, rows.map((row) => Number(row.id)));
  return rows.map((row) => {
    const context = parseContext(row.context);
    const name = row.name ?? context.properties.name ?? `Visitor ${row.id}`;
    const email = context.properties.email ?? null;
    return {
      contactId: null,
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
