import type { ExportFilter, ExportFormatName } from '@factcheck/export';

/** An article as a source lists it. */
export interface ArticleEntry {
  readonly id: string;
  readonly title: string;
}

/** One exported file: the name the format suggests and its bytes. */
export interface ExportedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Where the CLI reads articles from: the data directory directly, or a running server. */
export interface ArticleSource {
  /** Every article, sorted by id. */
  list(): Promise<ArticleEntry[]>;
  /** One article rendered in a format; rejects with a CliError for an unknown article. */
  exportArticle(id: string, format: ExportFormatName, filter: ExportFilter): Promise<ExportedFile>;
  /** Releases what the source holds (the LevelDB lock). */
  close(): Promise<void>;
}
