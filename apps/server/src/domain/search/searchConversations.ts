/**
 * Messages → conversations (I9): every message matching all words, inside the conversations the
 * user may open (the inbox policy as SQL, then re-checked row by row), the best message per
 * conversation, ordered by relevance and then recency.
 */
import type { SearchConversationHit } from '@parley/protocol';
import { sql } from 'kysely';
import type { SearchTerms } from '../../storage/drivers/fullTextSearch.js';
import type { ConversationRow, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { canReadConversation, readableConversationsSql } from '../conversations/policies.js';
import { visitorDisplayName } from '../conversations/presenters.js';
import { messageSnippet } from './highlights.js';

interface HitRow {
  message_id: number;
  conversation_id: number;
  body: string;
  author_kind: 'visitor' | 'user';
  created_at: number;
  score: number;
  workspace_id: number;
  status: ConversationRow['status'];
  assignee_id: number | null;
  visitor_id: number;
  visitor_name: string | null;
  assignee_name: string | null;
}

/**
 * Ranking every match of a very common word costs more than it tells; grouping looks at this many
 * of the best matches the user may open.
 */
const CANDIDATE_MESSAGES = 1000;

export async function searchConversations(ctx: AppContext, user: UserRow, terms: SearchTerms, limit: number): Promise<SearchConversationHit[]> {
  const matches = ctx.storage.driver.search.messageMatches(terms);
  const { rows } = await sql<HitRow>`
    with candidates as (
      select m.id as message_id, m.conversation_id, m.body, m.author_kind, m.created_at, x.score
      from (${matches}) x
      join messages m on m.id = x.message_id
      join conversations c on c.id = m.conversation_id
      where ${readableConversationsSql(user, 'c')}
      order by x.score desc, m.created_at desc
      limit ${CANDIDATE_MESSAGES}
    ),
    best as (
      select candidates.*, row_number() over (partition by conversation_id order by score desc, created_at desc, message_id desc) as rank_in_conversation
      from candidates
    )
    select best.message_id, best.conversation_id, best.body, best.author_kind, best.created_at, best.score,
      c.workspace_id, c.status, c.assignee_id, c.visitor_id, v.name as visitor_name, u.name as assignee_name
    from best
    join conversations c on c.id = best.conversation_id
    join visitors v on v.id = c.visitor_id
    left join users u on u.id = c.assignee_id
    where best.rank_in_conversation = 1
    order by best.score desc, best.created_at desc, best.conversation_id desc
    limit ${limit}`.execute(ctx.storage.db);
  return rows
    .filter((row) => canReadConversation(user, row))
    .map((row) => ({
      conversationId: Number(row.conversation_id),
      status: row.status,
      visitorName: visitorDisplayName({ id: Number(row.visitor_id), name: row.visitor_name }),
      assigneeName: row.assignee_id === null ? null : (row.assignee_name ?? ''),
      messageId: Number(row.message_id),
      authorKind: row.author_kind,
      ...messageSnippet(row.body, terms),
      messageAt: Number(row.created_at),
    }));
}
