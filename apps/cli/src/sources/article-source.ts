import type { TagView } from '@factcheck/core';
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

/** Which tags to export: the view (default `adjudicated`) and the filters applied after it. */
export interface ExportSelection {
  readonly filter: ExportFilter;
  readonly view?: TagView;
}

/** Where the CLI reads articles from: the data directory directly, or a running server. */
export interface ArticleSource {
  /** Every article, sorted by id. */
  list(): Promise<ArticleEntry[]>;
  /** One article rendered in a format; rejects with a CliError for an unknown article. */
  exportArticle(id: string, format: ExportFormatName, selection: ExportSelection): Promise<ExportedFile>;
  /** Releases what the source holds (the LevelDB lock). */
  close(): Promise<void>;
}
