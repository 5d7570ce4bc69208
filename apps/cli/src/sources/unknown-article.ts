import { CliError } from '../cli-error.js';

/** How many known ids an "unknown article" message lists before cutting off. */
const LISTED_IDS = 10;

/** The error for an article id that is not stored, naming some that are. */
export function unknownArticleError(id: string, knownIds: readonly string[]): CliError {
  if (knownIds.length === 0) return new CliError(`No article with id "${id}": there are no articles.`);
  const shown = knownIds.slice(0, LISTED_IDS).join(', ');
  const more = knownIds.length > LISTED_IDS ? `, … (${knownIds.length} in all)` : '';
  return new CliError(`No article with id "${id}". Articles: ${shown}${more}.`);
}
