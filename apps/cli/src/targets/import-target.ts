/** One file to import, read from disk. */
export interface ImportFile {
  /** The path as given on the command line (for messages). */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The content type its extension names (`text/markdown` for `.md`, …). */
  readonly contentType: string;
}

/** What the caller wants over what the files say. */
export interface ImportOverrides {
  readonly title?: string;
  readonly sourceUrl?: string;
}

/** An article as it was stored. */
export interface ImportedEntry {
  readonly id: string;
  readonly title: string;
}

/** Where imported articles go: the data directory directly, or a running server. */
export interface ImportTarget {
  /** Imports one file; rejects with a CliError whose message says why the file was refused. */
  importFile(file: ImportFile, overrides: ImportOverrides): Promise<ImportedEntry>;
  /** Releases what the target holds (the LevelDB lock). */
  close(): Promise<void>;
}
