import { apiFetch, withAccessToken } from '../session/session-token.js';
import { ApiError } from './articles-api.js';

/** The export and import endpoints of the server. */

/** Tags to export: label names and reviewer ids; omitted means all. */
export interface ExportQueryFilter {
  readonly labels?: readonly string[];
  readonly authors?: readonly string[];
}

/** Which tags an export shows: decided tags where passages were settled, or every reviewer's. */
export type ExportView = 'adjudicated' | 'all';

/** URL of one article's export, e.g. `/api/articles/a1/export?format=html&label=denial` (with the tab's token in protected mode). */
export function articleExportUrl(
  articleId: string,
  format: string,
  filter: ExportQueryFilter = {},
  view: ExportView = 'adjudicated',
): string {
  const query = new URLSearchParams({ format });
  if (view !== 'adjudicated') query.set('view', view);
  for (const label of filter.labels ?? []) query.append('label', label);
  for (const author of filter.authors ?? []) query.append('author', author);
  return withAccessToken(`/api/articles/${encodeURIComponent(articleId)}/export?${query}`);
}

/** URL of the zip of every article in one format (with the tab's token in protected mode). */
export function libraryExportUrl(format: string): string {
  return withAccessToken(`/api/export?${new URLSearchParams({ format })}`);
}

/** An annotation of an imported file that could not be placed on the article. */
export interface UnresolvedAnnotation {
  /** Position of the annotation in the file's list (0-based). */
  readonly index: number;
  readonly id?: string;
  readonly reason: string;
  /** The quote it looked for, when it had one. */
  readonly exact?: string;
}

/** What importing a W3C file did. */
export interface ImportResult {
  readonly created: number;
  readonly ids: readonly string[];
  readonly unresolved: readonly UnresolvedAnnotation[];
}

/** Posts a W3C annotation collection (or a single annotation) onto an article. */
export async function importW3cAnnotations(articleId: string, body: unknown): Promise<ImportResult> {
  const response = await apiFetch(`/api/articles/${encodeURIComponent(articleId)}/annotations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as
    (Partial<ImportResult> & { error?: unknown }) | null;
  if (!response.ok) {
    const message =
      typeof json?.error === 'string' ? json.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return { created: json?.created ?? 0, ids: json?.ids ?? [], unresolved: json?.unresolved ?? [] };
}
