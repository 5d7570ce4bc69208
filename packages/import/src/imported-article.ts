import type { ArticleMetaField } from '@factcheck/core';

/**
 * What an importer makes of a file: the article's blocks in the shape of the shared document
 * (paragraphs, headings, block quotes, lists; emphasis, strong, code and link marks) and the
 * metadata the file carries. Pure data, written into a Y.Doc by `writeImportedArticle`.
 */

/** The file formats an article can be imported from. */
export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx';

/** Marks on a run of text. `link` is an absolute http(s) or mailto URL. */
export interface InlineMarks {
  readonly em?: true;
  readonly strong?: true;
  readonly code?: true;
  readonly link?: string;
}

/** A run of text with one set of marks. */
export interface TextRun {
  readonly text: string;
  readonly marks: InlineMarks;
}

/** A line break inside a block. */
export interface HardBreak {
  readonly hardBreak: true;
}

/** The inline content of a text block. */
export type InlineContent = TextRun | HardBreak;

/** A text block: a paragraph or a heading (level 1–6). */
export interface TextBlock {
  readonly type: 'paragraph' | 'heading';
  readonly level?: number;
  readonly content: readonly InlineContent[];
}

/** A block quote around other blocks. */
export interface QuoteBlock {
  readonly type: 'blockquote';
  readonly children: readonly ImportedBlock[];
}

/** A list; each item is a sequence of blocks whose first is a paragraph. */
export interface ListBlock {
  readonly type: 'bullet_list' | 'ordered_list';
  readonly items: readonly (readonly ImportedBlock[])[];
}

/** One block of an imported article. */
export type ImportedBlock = TextBlock | QuoteBlock | ListBlock;

/** Metadata an import stores in `meta`: the shared fields plus the file's description, if any. */
export type ImportedMeta = Partial<Record<ArticleMetaField | 'description', string>>;

/** An article read from a file, ready to be written into an empty document. */
export interface ImportedArticle {
  readonly format: ImportFormat;
  /** Never empty: from the file's metadata, its first heading, or derived from its opening words. */
  readonly title: string;
  /** True when the title was cut from the opening words rather than given by the file. */
  readonly titleDerived: boolean;
  /** Metadata fields other than the title; only fields the file gave (no empty strings). */
  readonly meta: ImportedMeta;
  readonly blocks: readonly ImportedBlock[];
  /** Words in the article text (the limit counts these). */
  readonly wordCount: number;
}

/** Whether an inline item is a line break. */
export function isHardBreak(item: InlineContent): item is HardBreak {
  return 'hardBreak' in item;
}

/** Whether a block is a paragraph or a heading. */
export function isTextBlock(block: ImportedBlock): block is TextBlock {
  return block.type === 'paragraph' || block.type === 'heading';
}
