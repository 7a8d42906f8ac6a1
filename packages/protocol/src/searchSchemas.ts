/** TypeBox schema of `GET /api/search` (I9); exported from the schemas entry. */
import Type from 'typebox';

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_MAX_CONVERSATIONS = 20;
export const SEARCH_MAX_CONTACTS = 10;

export const SearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: SEARCH_QUERY_MAX_LENGTH, description: 'words to find; the last one also matches as a prefix' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_MAX_CONVERSATIONS, description: `conversations at most (default ${SEARCH_MAX_CONVERSATIONS})` })),
});
