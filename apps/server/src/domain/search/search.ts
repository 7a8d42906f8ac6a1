/**
 * I9 search: conversations by what was written in them and contacts by name or email, only
 * what the searching user may open (the same rule as the inbox, workspace boundary included).
 */
import { SEARCH_MAX_CONTACTS, SEARCH_MAX_CONVERSATIONS } from '@parley/protocol/schemas';
import type { SearchResponse } from '@parley/protocol';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { searchContacts } from './searchContacts.js';
import { searchConversations } from './searchConversations.js';
import { contactTerms, messageTerms } from './terms.js';

export async function search(ctx: AppContext, user: UserRow, query: string, options: { limit?: number } = {}): Promise<SearchResponse> {
  const limit = Math.min(options.limit ?? SEARCH_MAX_CONVERSATIONS, SEARCH_MAX_CONVERSATIONS);
  // Control characters match nothing anyone wrote, and PostgreSQL text cannot even hold NUL.
  const text = query.replace(/\p{Cc}/gu, ' ');
  const terms = messageTerms(text);
  const [conversations, contacts] = await Promise.all([
    terms ? searchConversations(ctx, user, terms, limit) : [],
    searchContacts(ctx, user, contactTerms(text), SEARCH_MAX_CONTACTS),
  ]);
  return { conversations, contacts };
}
