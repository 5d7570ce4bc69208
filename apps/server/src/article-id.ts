/** What an article id may look like: it names storage keys and URL segments, so no separators. */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether a string is a well-formed article id. */
export function isValidArticleId(value: string): boolean {
  return ARTICLE_ID_PATTERN.test(value);
}
