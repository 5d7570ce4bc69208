import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  TextRun,
  UnderlineType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { LABEL_NAMES, LABELS, splitAuthors, type Label } from '@factcheck/core';
import type { ExportBlock, ExportModel, ExportTag, Piece } from '../export-model.js';
import type { ExportFormat } from '../format.js';
import { CORE_PROPERTIES_PATH, coreProperties } from './docx-core-properties.js';
import { commentFor, reviewerName, reviewRuns } from './docx-comments.js';
import {
  commentRangeEnd,
  commentRangeStart,
  commentReferenceRun,
  lineRuns,
  runStyle,
  xmlSafe,
  type RunStyle,
} from './docx-runs.js';
import {
  countTagsByLabel,
  describeFilter,
  describeView,
  languageTag,
  metadataEntries,
  readableTime,
} from './readable-fields.js';

/**
 * The `docx` export: the article with each tagged span shaded in its label's colour, underlined in
 * its label's line style (the second cue, as in the app), and carrying a Word comment with the
 * tag's label, reviewer and time, then its review (`docx-comments.ts`). A header block gives the
 * article's metadata, and the core properties its title, authors and language.
 */

/** Shading (the label's tint on white) and underline (the label's line) of a tagged run. */
const LABEL_STYLES: Readonly<
  Record<Label, { fill: string; line: string; underline: (typeof UnderlineType)[keyof typeof UnderlineType] }>
> = {
  allegation: { fill: 'FBDFDF', line: 'C62828', underline: UnderlineType.SINGLE },
  denial: { fill: 'DDEBFB', line: '1557B0', underline: UnderlineType.DOUBLE },
  rumour: { fill: 'FFEBBD', line: 'A15C00', underline: UnderlineType.DOTTED },
};

const LINE_NAMES: Readonly<Record<Label, string>> = {
  allegation: 'single underline',
  denial: 'double underline',
  rumour: 'dotted underline',
};

const ORDERED_LIST = 'factcheck-ordered';

/** Id of the character style that marks a label's tagged text. */
function tagStyleId(label: Label): string {
  return `Tag${label[0].toUpperCase()}${label.slice(1)}`;
}

/** Run options of a tagged run: its label's style (one reference per run keeps big articles fast). */
function tagRun(label: Label): IRunOptions {
  return { style: tagStyleId(label) };
}

/** Run properties of each label's tagged text, made once and shared. */
const TAG_STYLES: Readonly<Record<Label, RunStyle>> = {
  allegation: runStyle(tagRun('allegation')),
  denial: runStyle(tagRun('denial')),
  rumour: runStyle(tagRun('rumour')),
};

/** Runs of one piece: text with its marks and the shading of its first tag; newlines become breaks. */
function pieceRuns(piece: Piece, tagsById: ReadonlyMap<string, ExportTag>): ParagraphChild[] {
  const firstTag = piece.tagIds.length > 0 ? tagsById.get(piece.tagIds[0]) : undefined;
  const { em, strong, code, link } = piece.marks;
  if (!em && !strong && !code && !link && !piece.hardBreak) {
    return lineRuns(piece.text, firstTag ? TAG_STYLES[firstTag.label] : undefined, '\n');
  }
  const options: IRunOptions = {
    ...(em ? { italics: true } : {}),
    ...(strong ? { bold: true } : {}),
    ...(code ? { font: 'Courier New' } : {}),
    ...(link ? { color: '1155CC' } : {}),
    ...(firstTag ? tagRun(firstTag.label) : {}),
  };
  if (piece.hardBreak) return [new TextRun({ ...options, break: 1 })];
  return lineRuns(piece.text, runStyle(options), '\n');
}

interface ListState {
  /** Numbering instance of each open ordered list, by nesting depth. */
  instances: number[];
  next: number;
}

/** Paragraph options for a block's place in headings, lists and quotes. */
function blockLayout(block: ExportBlock, lists: ListState): IParagraphOptions {
  const listDepth = block.containers.filter(
    (name) => name === 'bullet_list' || name === 'ordered_list',
  ).length;
  const quoteDepth = block.containers.filter((name) => name === 'blockquote').length;
  const innermostList = [...block.containers]
    .reverse()
    .find((name) => name === 'bullet_list' || name === 'ordered_list');
  lists.instances.length = Math.min(lists.instances.length, listDepth);
  const indent = quoteDepth > 0 || (listDepth > 0 && !block.firstInListItem);
  const base = {
    ...(block.type === 'heading'
      ? {
          heading: [
            HeadingLevel.HEADING_1,
            HeadingLevel.HEADING_2,
            HeadingLevel.HEADING_3,
            HeadingLevel.HEADING_4,
            HeadingLevel.HEADING_5,
            HeadingLevel.HEADING_6,
          ][Math.min(6, Math.max(1, block.level ?? 1)) - 1],
        }
      : {}),
    ...(indent ? { indent: { left: 720 * (quoteDepth + listDepth) } } : {}),
  };
  if (!innermostList || !block.firstInListItem) return base;
  const level = Math.min(8, listDepth - 1);
  if (innermostList === 'bullet_list') return { ...base, indent: undefined, bullet: { level } };
  if (lists.instances[level] === undefined) lists.instances[level] = lists.next++;
  return {
    ...base,
    indent: undefined,
    numbering: { reference: ORDERED_LIST, level, instance: lists.instances[level] },
  };
}

/**
 * The article body: one paragraph per block, a comment range from each tag's first piece to its
 * last (across paragraphs when the tag spans them) and the comment's reference mark after it.
 */
function articleParagraphs(model: ExportModel): Paragraph[] {
  const tagsById = new Map(model.tags.map((tag) => [tag.id, tag]));
  const lastPiece = new Map<string, Piece>();
  for (const block of model.blocks)
    for (const piece of block.pieces) for (const id of piece.tagIds) lastPiece.set(id, piece);
  const opened = new Set<string>();
  const lists: ListState = { instances: [], next: 1 };
  let previousWasList = false;
  return model.blocks.map((block) => {
    const inList = block.containers.some((name) => name === 'bullet_list' || name === 'ordered_list');
    if (!inList && previousWasList) lists.instances = [];
    previousWasList = inList;
    const children: ParagraphChild[] = [];
    for (const piece of block.pieces) {
      for (const id of piece.tagIds) {
        if (opened.has(id)) continue;
        opened.add(id);
        children.push(commentRangeStart(tagsById.get(id)!.number));
      }
      children.push(...pieceRuns(piece, tagsById));
      for (const id of piece.tagIds) {
        if (lastPiece.get(id) !== piece) continue;
        const number = tagsById.get(id)!.number;
        children.push(commentRangeEnd(number), commentReferenceRun(number));
      }
    }
    return new Paragraph({
      ...blockLayout(block, lists),
      ...(block.type === 'code_block' ? { style: 'CodeBlock' } : {}),
      children,
    });
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
}

function metadataParagraphs(model: ExportModel): Paragraph[] {
  const tally = countTagsByLabel(model)
    .map(({ name, count }) => `${count} ${name.toLowerCase()}`)
    .join(', ');
  const lines: [string, string][] = [
    ...metadataEntries(model).map(({ label, value }): [string, string] => [label, value]),
    ['Article', model.sourceIri],
    ['Exported', readableTime(model.exportedAt)],
    ['Tags', `${model.tags.length} placed (${tally}), ${model.orphans.length} unanchored`],
    ['Shown', describeFilter(model)],
    ['View', describeView(model)],
  ];
  return lines.map(
    ([key, value]) =>
      new Paragraph({
        style: 'ExportMeta',
        children: [new TextRun({ text: `${xmlSafe(key)}: `, bold: true }), new TextRun(xmlSafe(value))],
      }),
  );
}

function legendParagraphs(): Paragraph[] {
  return [
    heading('Legend'),
    ...LABELS.map(
      (label) =>
        new Paragraph({
          children: [
            new TextRun({ text: LABEL_NAMES[label], ...tagRun(label) }),
            new TextRun(
              `: ${LINE_NAMES[label]}; each tag carries a Word comment with its reviewer and time.`,
            ),
          ],
        }),
    ),
  ];
}

function orphanParagraphs(model: ExportModel): Paragraph[] {
  if (model.orphans.length === 0) return [];
  return [
    heading('Unanchored tags'),
    new Paragraph({
      style: 'ExportMeta',
      children: [new TextRun('The text these tags were on is no longer in the article.')],
    }),
    ...model.orphans.map(
      (orphan) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: `${LABEL_NAMES[orphan.label]}: `, bold: true, ...tagRun(orphan.label) }),
            new TextRun(`“${xmlSafe(orphan.quote)}”`),
            new TextRun(
              ` (tagged by ${xmlSafe(reviewerName(orphan.author))}, ${readableTime(orphan.createdAt)}; id ${xmlSafe(orphan.id)})`,
            ),
            ...reviewRuns(orphan),
          ],
        }),
    ),
  ];
}

/** Who made the file, when the article names no authors. */
const PRODUCER = 'Fact-check editor';

/** Renders the article as a Word document with a comment on every tag. */
export async function renderDocx(model: ExportModel): Promise<Uint8Array> {
  const language = languageTag(model.articleMeta.language);
  const properties = {
    title: xmlSafe(model.title),
    creator: xmlSafe(splitAuthors(model.articleMeta.authors).join('; ')) || PRODUCER,
    description: xmlSafe(`Annotated copy of ${model.articleMeta.sourceUrl.trim() || model.sourceIri}`),
    lastModifiedBy: PRODUCER,
  };
  const document = new Document({
    ...properties,
    comments: { children: model.tags.map(commentFor) },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    styles: {
      default: {
        document: {
          paragraph: { spacing: { after: 120, line: 276 } },
          // The article's language for spelling and for Word's choice of fonts.
          ...(language ? { run: { language: { value: language } } } : {}),
        },
      },
      characterStyles: LABELS.map((label) => ({
        id: tagStyleId(label),
        name: `Tag: ${LABEL_NAMES[label]}`,
        basedOn: 'DefaultParagraphFont',
        run: {
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: LABEL_STYLES[label].fill },
          underline: { type: LABEL_STYLES[label].underline, color: LABEL_STYLES[label].line },
        },
      })),
      paragraphStyles: [
        {
          id: 'ExportMeta',
          name: 'Export metadata',
          basedOn: 'Normal',
          run: { size: 18, color: '555555' },
          paragraph: { spacing: { after: 40 } },
        },
        {
          id: 'CodeBlock',
          name: 'Code block',
          basedOn: 'Normal',
          run: { font: 'Courier New', size: 20 },
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(model.title))] }),
          ...metadataParagraphs(model),
          ...legendParagraphs(),
          heading('Article'),
          ...articleParagraphs(model),
          ...orphanParagraphs(model),
        ],
      },
    ],
  });
  // docx writes no dc:language and stamps the time of packing: the export's own core properties instead.
  const core = coreProperties({
    ...properties,
    ...(language ? { language } : {}),
    created: model.exportedAt,
  });
  return Packer.pack(document, 'uint8array', false, [{ path: CORE_PROPERTIES_PATH, data: core }]);
}

/** The `docx` export format. */
export const docxFormat: ExportFormat = {
  name: 'docx',
  description: 'Word document, tags as comments',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  render: renderDocx,
};
