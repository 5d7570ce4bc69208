import type { TagSearchAnswer } from '@factcheck/core';
import { searchTags, tagSearchParams, type TagSearchQuery } from '../../api/annotations-api.js';
import { useServerQuery, type ServerQueryState } from '../useServerQuery.js';

/** Tags matching the search across every article, asked of the server as the reviewer types. */
export function useTagSearch(query: TagSearchQuery): ServerQueryState<TagSearchAnswer> {
  return useServerQuery(tagSearchParams(query), (signal) => searchTags(query, signal));
}
