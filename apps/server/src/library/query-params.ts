/** Reading query-string values: Fastify gives a string, an array for a repeated key, or nothing. */

/** A raw query-string value. */
export type QueryValue = string | string[] | undefined;

/** A request answered 400 with this body. */
export interface BadQuery {
  readonly ok: false;
  readonly body: { readonly error: string; readonly [key: string]: unknown };
}

/** The answer for a bad query parameter. */
export function badQuery(error: string, extra: Record<string, unknown> = {}): BadQuery {
  return { ok: false, body: { error, ...extra } };
}

/** Every non-empty value of a parameter, trimmed; names from a fixed list may also be comma-separated. */
export function queryValues(raw: QueryValue, { commas = false } = {}): string[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return [
    ...new Set(list.flatMap((value) => (commas ? value.split(',') : [value])).map((value) => value.trim())),
  ].filter(Boolean);
}

/** The one value of a parameter ('' when absent), or null when it was given more than once. */
export function singleValue(raw: QueryValue): string | null {
  if (raw === undefined) return '';
  if (Array.isArray(raw)) return raw.length === 1 ? raw[0].trim() : null;
  return raw.trim();
}

/** Which articles to include by their archived flag: `false` (default) active ones, `true` archived ones, `all` both. */
export type ArchivedFilter = 'false' | 'true' | 'all';

const ARCHIVED_FILTERS: readonly ArchivedFilter[] = ['false', 'true', 'all'];

/** Reads the `archived` parameter. */
export function parseArchivedFilter(raw: QueryValue): { ok: true; archived: ArchivedFilter } | BadQuery {
  const value = singleValue(raw);
  if (value === '') return { ok: true, archived: 'false' };
  const archived = ARCHIVED_FILTERS.find((option) => option === value);
  return archived
    ? { ok: true, archived }
    : badQuery('Unknown archived filter: use archived=false (default), true or all.', {
        archived: ARCHIVED_FILTERS,
      });
}

/** Whether an article's archived time passes the filter. */
export function passesArchivedFilter(archivedAt: string | null, filter: ArchivedFilter): boolean {
  if (filter === 'all') return true;
  return (archivedAt !== null) === (filter === 'true');
}
