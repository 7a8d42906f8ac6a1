import type { SearchResponse } from '@parley/protocol';
import { request } from '../../api/request.js';

/** The longest query the server accepts (SEARCH_QUERY_MAX_LENGTH). */
export const SEARCH_MAX_LENGTH = 200;

export function searchInbox(query: string): Promise<SearchResponse> {
  return request<SearchResponse>('GET', `/api/search?q=${encodeURIComponent(query)}`);
}
