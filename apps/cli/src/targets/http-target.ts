import { CliError } from '../cli-error.js';
import type { ImportedEntry, ImportFile, ImportOverrides, ImportTarget } from './import-target.js';
import { serverBaseUrl } from '../server-url.js';

/** Imports through a running server's `POST /api/articles`, so the CLI works while the server holds the data. */
export class HttpTarget implements ImportTarget {
  private readonly base: URL;

  constructor(
    serverUrl: string,
    /** Access token for a protected server (a lead's: importing needs `manage`). */
    private readonly token: string | null = null,
  ) {
    this.base = serverBaseUrl(serverUrl);
  }

  /** `POST /api/articles?title=…&source=…` with the file as the body. */
  async importFile(file: ImportFile, overrides: ImportOverrides): Promise<ImportedEntry> {
    const query = new URLSearchParams();
    if (overrides.title) query.set('title', overrides.title);
    if (overrides.sourceUrl) query.set('source', overrides.sourceUrl);
    const url = new URL(`api/articles${query.size > 0 ? `?${query}` : ''}`, this.base);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': file.contentType,
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: new Uint8Array(file.bytes),
      });
    } catch (error) {
      const cause = (error as Error).cause as { code?: string } | undefined;
      throw new CliError(
        `Cannot reach the server at ${this.base.origin}${cause?.code ? ` (${cause.code})` : ''}. Is it running? Without --server the CLI writes to the data directory instead.`,
      );
    }
    const body = (await response.json().catch(() => null)) as {
      id?: unknown;
      title?: unknown;
      error?: unknown;
    } | null;
    if (response.status === 201 && typeof body?.id === 'string') {
      return { id: body.id, title: typeof body.title === 'string' ? body.title : body.id };
    }
    const reason = typeof body?.error === 'string' ? body.error : response.statusText;
    throw new CliError(`The server refused it: ${response.status} ${reason}`);
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}
