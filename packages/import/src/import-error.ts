/** Why a file could not be imported; every case carries a message written for the person importing. */
export type ImportFailure =
  /** The file is over the size limit. */
  | 'too-large'
  /** The article has more words than the limit. */
  | 'too-many-words'
  /** The file has no bytes, or no article text. */
  | 'empty'
  /** The bytes are not valid UTF-8 and declare no character set that decodes them. */
  | 'encoding'
  /** The file cannot be read as the format it claims (a broken Word file, binary data as text). */
  | 'unreadable'
  /** The content type (or file name) names no format we import. */
  | 'unsupported-type'
  /** The source URL given with the file is not an http(s) URL. */
  | 'invalid-source';

/** A file refused by the importer; nothing was written anywhere. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly failure: ImportFailure,
    message: string,
  ) {
    super(message);
  }
}
