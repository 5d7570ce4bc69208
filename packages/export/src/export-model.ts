import * as Y from 'yjs';
import {
  BLOCK_LEAF_NODES,
  compareByPosition,
  CONTAINER_NODES,
  flattenRanges,
  getContent,
  getMeta,
  getTitle,
  inlineLeafText,
  projectFragment,
  quoteAt,
  readAdjudications,
  readAnnotations,
  readArticleMeta,
  resolveAnnotations,
  tagsForView,
  toCodePointOffsets,
  type AnchorStatus,
  type ArticleMeta,
  type Label,
  type Reviewer,
  type TagView,
} from '@factcheck/core';
import { readReviewFields, type ExportReviewFields } from './review-fields.js';

/**
 * The one view of an article every export format renders: its plain text (the `txt` export, the
 * reference all offsets count in), its blocks split into pieces at formatting and tag boundaries,
 * and its tags with offsets both in UTF-16 units (to slice `text`) and in code points (to publish).
 */

/** Inline formatting of a run of text. */
export interface InlineMarks {
  readonly em?: boolean;
  readonly strong?: boolean;
  readonly code?: boolean;
  /** Link target (only http(s) and mailto are kept by the editor). */
  readonly link?: string;
}

/** A run of a block's text with one set of marks and one set of covering tags. */
export interface Piece {
  readonly text: string;
  /** UTF-16 offset of the piece in `ExportModel.text`. */
  readonly from: number;
  readonly marks: InlineMarks;
  /** Ids of the exported tags covering this piece, in document order of the tags. */
  readonly tagIds: readonly string[];
  /** True for a hard line break (its text is "\n"). */
  readonly hardBreak?: boolean;
}

/** A text block (paragraph or heading) with the containers it sits in. */
export interface ExportBlock {
  readonly type: 'paragraph' | 'heading' | 'code_block';
  /** Heading level 1–6 for headings. */
  readonly level?: number;
  /** Enclosing containers from the outside in, e.g. ['bullet_list', 'list_item']. */
  readonly containers: readonly string[];
  /** Whether this block is the first text block of its innermost list item (for list markers). */
  readonly firstInListItem: boolean;
  /** UTF-16 offsets of the block in `ExportModel.text`. */
  readonly from: number;
  readonly to: number;
  readonly pieces: readonly Piece[];
}

/** A tag as exported, with its review fields (status, claimant, verdict, thread, evidence…). */
export interface ExportTag extends ExportReviewFields {
  readonly id: string;
  /** 1-based number in document order, for notes and footnotes. */
  readonly number: number;
  readonly label: Label;
  readonly author: Reviewer;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: Exclude<AnchorStatus, 'orphaned'>;
  /** The text the tag covers now (equals the stored quote unless its text was edited). */
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** UTF-16 offsets in `ExportModel.text`, for slicing inside the app. */
  readonly from: number;
  readonly to: number;
  /** Code-point offsets in the `txt` export, for everything published. */
  readonly start: number;
  readonly end: number;
}

/** A tag whose text could not be found: exported in each format's "unanchored" section. */
export interface OrphanTag extends ExportReviewFields {
  readonly id: string;
  readonly label: Label;
  readonly author: Reviewer;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The quote as stored. */
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Everything an export format needs about one article. */
export interface ExportModel {
  readonly id: string;
  readonly title: string;
  /**
   * The article's metadata fields (title, source URL, outlet, authors, publication date,
   * language; '' where unknown), the title being `title`.
   */
  readonly articleMeta: ArticleMeta;
  /** Every string value of `meta`, the fields above and any other. */
  readonly meta: Readonly<Record<string, string>>;
  /** IRI of the article, the `source` of W3C targets. */
  readonly sourceIri: string;
  /** The `txt` export: text blocks joined by one blank line. */
  readonly text: string;
  readonly blocks: readonly ExportBlock[];
  /** Placed tags in document order. */
  readonly tags: readonly ExportTag[];
  readonly orphans: readonly OrphanTag[];
  /** When the export was made (ISO 8601). */
  readonly exportedAt: string;
  /** The filters applied, for the record. */
  readonly filter: ExportFilter;
  /** Which tags were taken before filtering: decided tags where a lead settled a passage, or all reviewers' tags. */
  readonly view: TagView;
}

/** Which tags to export; omitted fields mean all. */
export interface ExportFilter {
  readonly labels?: readonly Label[];
  /** Reviewer ids. */
  readonly authors?: readonly string[];
}

/** The views an export can take, the default first. */
export const EXPORT_VIEWS = ['adjudicated', 'all'] as const satisfies readonly TagView[];

/** Whether a string names an export view. */
export function isExportView(value: unknown): value is TagView {
  return typeof value === 'string' && (EXPORT_VIEWS as readonly string[]).includes(value);
}

/** Options of `buildExportModel`. */
export interface ExportModelOptions {
  readonly id: string;
  /** Base URL the article IRI is built from, e.g. `http://localhost:8080`. */
  readonly baseUrl: string;
  readonly filter?: ExportFilter;
  /**
   * `adjudicated` (default): the decided tag where a passage was accepted or merged, every
   * reviewer's tags elsewhere. `all`: every reviewer's tags, no decided tags.
   */
  readonly view?: TagView;
  readonly now?: Date;
}

interface RawBlock {
  type: ExportBlock['type'];
  level?: number;
  containers: string[];
  firstInListItem: boolean;
  from: number;
  runs: { text: string; marks: InlineMarks; hardBreak?: boolean }[];
}

function marksOf(attributes: Record<string, unknown> | undefined): InlineMarks {
  if (!attributes) return {};
  const link = attributes.link as { href?: unknown } | undefined;
  return {
    ...(attributes.em ? { em: true } : {}),
    ...(attributes.strong ? { strong: true } : {}),
    ...(attributes.code ? { code: true } : {}),
    ...(link && typeof link.href === 'string' ? { link: link.href } : {}),
  };
}

/** Walks the fragment the same way `projectFragment` does, keeping block types and marks. */
function readBlocks(fragment: Y.XmlFragment): RawBlock[] {
  const blocks: RawBlock[] = [];
  let offset = 0;
  const visit = (parent: Y.XmlFragment | Y.XmlElement, containers: string[]) => {
    let firstChildOfItem = parent instanceof Y.XmlElement && parent.nodeName === 'list_item';
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (CONTAINER_NODES.has(child.nodeName)) {
        visit(child, [...containers, child.nodeName]);
        firstChildOfItem = false;
        continue;
      }
      if (BLOCK_LEAF_NODES.has(child.nodeName)) continue;
      if (blocks.length > 0) offset += 2;
      const type =
        child.nodeName === 'heading' || child.nodeName === 'code_block' ? child.nodeName : 'paragraph';
      const level = Number(child.getAttribute('level'));
      const block: RawBlock = {
        type,
        ...(type === 'heading' ? { level: Number.isFinite(level) && level > 0 ? level : 1 } : {}),
        containers,
        firstInListItem: firstChildOfItem,
        from: offset,
        runs: [],
      };
      firstChildOfItem = false;
      for (const inline of child.toArray()) {
        if (inline instanceof Y.XmlText) {
          for (const op of inline.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
            const text = typeof op.insert === 'string' ? op.insert : '\uFFFC';
            block.runs.push({ text, marks: marksOf(op.attributes) });
            offset += text.length;
          }
        } else if (inline instanceof Y.XmlElement) {
          const text = inlineLeafText(inline.nodeName);
          block.runs.push({ text, marks: {}, hardBreak: inline.nodeName === 'hard_break' });
          offset += text.length;
        }
      }
      blocks.push(block);
    }
  };
  visit(fragment, []);
  return blocks;
}

/** Splits each block's runs at tag segment boundaries. */
function cutIntoPieces(raw: RawBlock, segments: ReturnType<typeof flattenRanges>): ExportBlock {
  const pieces: Piece[] = [];
  let at = raw.from;
  let segmentIndex = segments.findIndex((segment) => segment.to > raw.from);
  if (segmentIndex < 0) segmentIndex = segments.length;
  for (const run of raw.runs) {
    const runEnd = at + run.text.length;
    let cursor = at;
    while (cursor < runEnd) {
      while (segmentIndex < segments.length && segments[segmentIndex].to <= cursor) segmentIndex++;
      const segment = segments[segmentIndex];
      let next = runEnd;
      let tagIds: readonly string[] = [];
      if (segment && segment.from <= cursor) {
        next = Math.min(runEnd, segment.to);
        tagIds = segment.ids;
      } else if (segment && segment.from < runEnd) {
        next = segment.from;
      }
      pieces.push({
        text: run.text.slice(cursor - at, next - at),
        from: cursor,
        marks: run.marks,
        tagIds,
        ...(run.hardBreak ? { hardBreak: true } : {}),
      });
      cursor = next;
    }
    at = runEnd;
  }
  const { runs: _runs, ...rest } = raw;
  return { ...rest, to: at, pieces };
}

/** Builds the export model of an article document. */
export function buildExportModel(doc: Y.Doc, options: ExportModelOptions): ExportModel {
  const filter = options.filter ?? {};
  const view = options.view ?? 'adjudicated';
  const projection = projectFragment(getContent(doc));
  const text = projection.text;
  const adjudications = readAdjudications(doc);
  // The view picks among all tags first (a decided tag hides the tags it settled), then filters apply.
  const wanted = tagsForView(readAnnotations(doc).valid, adjudications, view).filter(
    (annotation) =>
      (!filter.labels || filter.labels.includes(annotation.label)) &&
      (!filter.authors || filter.authors.includes(annotation.author.id)),
  );
  const resolved = resolveAnnotations(doc, wanted, projection).sort(compareByPosition);
  const placed = resolved.filter((tag) => tag.status !== 'orphaned' && tag.from !== null && tag.to !== null);
  const points = toCodePointOffsets(
    text,
    placed.flatMap((tag) => [tag.from!, tag.to!]),
  );
  const exported = {
    numbers: new Map(placed.map((tag, index) => [tag.annotation.id, index + 1])),
    ids: new Set(resolved.map((tag) => tag.annotation.id)),
  };
  const decisions = new Map(adjudications.map((decision) => [decision.id, decision]));
  const reviewOf = (annotation: (typeof wanted)[number]) =>
    readReviewFields(doc, annotation, decisions, exported);
  const tags: ExportTag[] = placed.map((tag, index) => ({
    id: tag.annotation.id,
    number: index + 1,
    label: tag.annotation.label,
    author: tag.annotation.author,
    createdAt: tag.annotation.createdAt,
    updatedAt: tag.annotation.updatedAt,
    status: tag.status as ExportTag['status'],
    ...quoteAt(text, tag.from!, tag.to!),
    from: tag.from!,
    to: tag.to!,
    start: points[index * 2],
    end: points[index * 2 + 1],
    ...reviewOf(tag.annotation),
  }));
  const orphans: OrphanTag[] = resolved
    .filter((tag) => tag.status === 'orphaned')
    .map(({ annotation }) => ({
      id: annotation.id,
      label: annotation.label,
      author: annotation.author,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
      quote: annotation.quote,
      prefix: annotation.prefix,
      suffix: annotation.suffix,
      ...reviewOf(annotation),
    }));
  const segments = flattenRanges(tags.map((tag) => ({ id: tag.id, from: tag.from, to: tag.to })));
  const meta: Record<string, string> = {};
  getMeta(doc).forEach((value, key) => {
    if (typeof value === 'string') meta[key] = value;
  });
  const title = getTitle(doc) || options.id;
  return {
    id: options.id,
    title,
    articleMeta: { ...readArticleMeta(doc), title },
    meta,
    sourceIri: `${options.baseUrl.replace(/\/+$/u, '')}/articles/${encodeURIComponent(options.id)}`,
    text,
    blocks: readBlocks(getContent(doc)).map((block) => cutIntoPieces(block, segments)),
    tags,
    orphans,
    exportedAt: (options.now ?? new Date()).toISOString(),
    filter,
    view,
  };
}
