import { exportFormats, type ExportFormatName } from '@factcheck/export';
import { CliError } from '../cli-error.js';
import type { ArticleEntry, ArticleSource, ExportedFile, ExportSelection } from './article-source.js';
import { fileNameFromDisposition } from './content-disposition.js';
import { unknownArticleError } from './unknown-article.js';
import { serverBaseUrl } from '../server-url.js';

/** Reads articles from a running server's HTTP API, so the CLI works while the server holds the data. */
export class HttpSource implements ArticleSource {
  private readonly base: URL;

  constructor(
    serverUrl: string,
    /** Access token for a protected server (sent as `Authorization: Bearer`). */
    private readonly token: string | null = null,
  ) {
    this.base = serverBaseUrl(serverUrl);
  }

  /** `GET /api/articles`. */
  async list(): Promise<ArticleEntry[]> {
    const response = await this.get('api/articles');
    if (!response.ok) throw await this.failure(response, 'listing the articles');
    const articles = (await response.json()) as { id: string; title?: string }[];
    if (articles.length === 0) throw new CliError(`The server at ${this.base.origin} holds no articles.`);
    return articles.map(({ id, title }) => ({ id, title: title || id }));
  }

  /** `GET /api/articles/<id>/export?format=…&label=…&author=…&view=…` (the server names the organisation). */
  async exportArticle(
    id: string,
    format: ExportFormatName,
    { filter, view }: ExportSelection,
  ): Promise<ExportedFile> {
    const query = new URLSearchParams({ format });
    for (const label of filter.labels ?? []) query.append('label', label);
    for (const author of filter.authors ?? []) query.append('author', author);
    if (view) query.set('view', view);
    const response = await this.get(`api/articles/${encodeURIComponent(id)}/export?${query}`);
    if (response.status === 404) {
      const known = await this.list().then(
        (articles) => articles.map((article) => article.id),
        () => [],
      );
      throw unknownArticleError(id, known);
    }
    if (!response.ok) throw await this.failure(response, `exporting ${id}`);
    const fileName =
      fileNameFromDisposition(response.headers.get('content-disposition')) ??
      `${id}.${exportFormats[format].extension}`;
    return { fileName, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  /** Nothing to release. */
  async close(): Promise<void> {}

  private async get(path: string): Promise<Response> {
    const url = new URL(path, this.base);
    try {
      return await fetch(url, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    } catch (error) {
      const cause = (error as Error).cause as { code?: string } | undefined;
      throw new CliError(
        `Cannot reach the server at ${this.base.origin}${cause?.code ? ` (${cause.code})` : ''}. Is it running? Without --server the CLI reads the data directory instead.`,
      );
    }
  }

  private async failure(response: Response, what: string): Promise<CliError> {
    const body = (await response.json().catch(() => null)) as { error?: unknown; formats?: unknown } | null;
    const reason = typeof body?.error === 'string' ? body.error : response.statusText;
    const formats = Array.isArray(body?.formats) ? ` Formats: ${body.formats.join(', ')}.` : '';
    return new CliError(`The server refused ${what}: ${response.status} ${reason}${formats}`);
  }
}
