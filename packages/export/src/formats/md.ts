import { LABEL_NAMES } from '@factcheck/core';
import type { ExportBlock, ExportModel, ExportTag, InlineMarks, OrphanTag } from '../export-model.js';
import type { ExportFormat } from '../format.js';
import type { ExportReviewFields } from '../review-fields.js';
import { escapeMarkdown, safeHttpHref, safeLinkHref } from './escape.js';
import { tagsByEndingPiece, type TagsByOffset } from './note-anchors.js';
import {
  commentHeading,
  countTagsByLabel,
  describeFilter,
  describeView,
  evidenceByline,
  metadataEntries,
  readableTime,
  reviewLines,
  STANCE_NAMES,
  statusNote,
} from './readable-fields.js';

/**
 * The `md` export (GitHub Flavored Markdown): a header with the article's metadata (source, outlet,
 * authors, publication date, language, then the export's own details), the article
 * with every stretch of tagged text between `⟦` and `⟧` and a footnote reference `[^n]` right after
 * the text where tag n ends (so overlapping tags show several references), and each tag's label,
 * reviewer, time and quote as footnote n, followed by its review (decision, verdict, claimant,
 * evidence, discussion) as a list inside the footnote. The brackets are plain characters, so
 * nothing depends on a renderer's highlight extension; footnotes render on GitHub and in any GFM
 * renderer.
 *
 * All article and reviewer text is escaped, so nothing in it becomes markup. Italic, bold and code
 * are written as inline `<em>`, `<strong>`, `<code>` (Markdown's `*` runs stop working next to the
 * tag brackets); links as `[text](<url>)`, only for http(s) and mailto.
 */

/** Opens and closes a stretch of tagged text. */
export const TAG_OPEN = '⟦';
/** Closes a stretch of tagged text. */
export const TAG_CLOSE = '⟧';

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/gu, ' ');
}

function footnoteRef(tag: { number: number }): string {
  return `[^${tag.number}]`;
}

/** An inline link to an absolute URL, its destination in angle brackets so parentheses survive. */
function markdownLink(markdown: string, href: string): string {
  return `[${markdown}](<${new URL(href).href.replace(/[\\<> ]/gu, encodeURIComponent)}>)`;
}

function wrapMarks(markdown: string, marks: InlineMarks): string {
  let out = markdown;
  if (marks.code) out = `<code>${out}</code>`;
  if (marks.em) out = `<em>${out}</em>`;
  if (marks.strong) out = `<strong>${out}</strong>`;
  const href = safeLinkHref(marks.link);
  if (href) out = markdownLink(out, href);
  return out;
}

/** Line prefixes of a block from its containers: quote markers, list markers, their indentation. */
function blockPrefixes(block: ExportBlock): { first: string; rest: string } {
  let first = '';
  let rest = '';
  const innermostItem = block.containers.lastIndexOf('list_item');
  block.containers.forEach((container, index) => {
    if (container === 'blockquote') {
      first += '> ';
      rest += '> ';
    } else if (container === 'list_item') {
      const marker = block.containers[index - 1] === 'ordered_list' ? '1. ' : '- ';
      const indent = ' '.repeat(marker.length);
      first += index === innermostItem && block.firstInListItem ? marker : indent;
      rest += indent;
    }
  });
  if (block.type === 'heading')
    first += `${'#'.repeat(Math.min(6, Math.max(1, Math.trunc(block.level ?? 1) || 1)))} `;
  return { first, rest };
}

/** A block's text as Markdown lines (a hard break ends a line with `\`). */
function blockLines(block: ExportBlock, refsAt: TagsByOffset): string[] {
  const lines: string[] = [];
  let line = '';
  let atLineStart = true;
  block.pieces.forEach((piece, index) => {
    const tagged = piece.tagIds.length > 0;
    if (tagged && !(block.pieces[index - 1]?.tagIds.length > 0)) line += TAG_OPEN;
    piece.text.split('\n').forEach((part, partIndex) => {
      if (partIndex > 0) {
        if (block.type === 'heading') {
          line += ' ';
        } else {
          lines.push(`${line}\\`);
          line = '';
          atLineStart = true;
        }
      }
      if (part) line += wrapMarks(escapeMarkdown(part, atLineStart), piece.marks);
      if (part) atLineStart = false;
    });
    if (tagged && !(block.pieces[index + 1]?.tagIds.length > 0)) line += TAG_CLOSE;
    for (const tag of refsAt.get(piece.from + piece.text.length) ?? []) line += footnoteRef(tag);
  });
  // A trailing hard break has nothing to break before: a lone `\` there would show as text.
  if (line === '' && lines.length > 0) lines.push(lines.pop()!.slice(0, -1));
  else lines.push(line);
  return lines;
}

function renderBlock(block: ExportBlock, refsAt: TagsByOffset): string {
  const { first, rest } = blockPrefixes(block);
  return blockLines(block, refsAt)
    .map((line, index) => (index === 0 ? first : rest) + line)
    .join('\n');
}

function renderHeader(model: ExportModel): string {
  const source = /^https?:\/\/[^\s<>]+$/u.test(model.sourceIri)
    ? `<${model.sourceIri}>`
    : escapeMarkdown(model.sourceIri);
  const counts = countTagsByLabel(model)
    .map(({ name, count }) => `${name} ${count}`)
    .join(', ');
  const fields = [
    ...metadataEntries(model).map(({ key, label, value }) => [
      escapeMarkdown(oneLine(label)),
      key === 'sourceUrl' && safeHttpHref(value)
        ? markdownLink(escapeMarkdown(oneLine(value)), value)
        : escapeMarkdown(oneLine(value)),
    ]),
    ['Article IRI', source],
    ['Exported', readableTime(model.exportedAt)],
    ['Filter', escapeMarkdown(describeFilter(model))],
    ['View', escapeMarkdown(describeView(model))],
    ['Tags', `${counts}; unanchored ${model.orphans.length}`],
  ];
  return [
    `# ${escapeMarkdown(oneLine(model.title))}`,
    fields.map(([name, value]) => `- **${name}:** ${value}`).join('\n'),
    `Tagged text is marked ${TAG_OPEN}like this${TAG_CLOSE}; the footnote reference after it gives the tag's label, reviewer and time.`,
    '---',
  ].join('\n\n');
}

function tagSummary(tag: ExportTag | OrphanTag, status: string): string {
  const who = escapeMarkdown(oneLine(tag.author.name) || tag.author.id);
  const details = [who, readableTime(tag.createdAt), status].filter(Boolean).join(' · ');
  return `**${LABEL_NAMES[tag.label]}** — ${details} — “${escapeMarkdown(oneLine(tag.quote))}”`;
}

/**
 * A tag's review as list items, one line each (every reviewer's text escaped and on one line);
 * evidence links only for http(s) URLs.
 */
function reviewItems(tag: ExportReviewFields): string[] {
  const items = reviewLines(tag).map((line, index) =>
    index === 0 && tag.adjudicated ? `**${escapeMarkdown(oneLine(line))}**` : escapeMarkdown(oneLine(line)),
  );
  for (const evidence of tag.evidence) {
    const href = safeHttpHref(evidence.url);
    const url = escapeMarkdown(oneLine(evidence.url));
    items.push(
      `Evidence, ${STANCE_NAMES[evidence.stance].toLowerCase()}: ${href ? markdownLink(url, href) : url}` +
        (evidence.note ? ` — ${escapeMarkdown(oneLine(evidence.note))}` : '') +
        ` (${escapeMarkdown(oneLine(evidenceByline(evidence)))})`,
    );
  }
  for (const comment of tag.thread) {
    items.push(
      `${escapeMarkdown(oneLine(commentHeading(comment, tag.thread)))}: ${escapeMarkdown(oneLine(comment.text))}`,
    );
  }
  return items;
}

/** The review list of a tag indented under its footnote or list item, or nothing. */
function reviewBlock(tag: ExportReviewFields, indent: string): string {
  const items = reviewItems(tag);
  return items.length > 0 ? `\n\n${items.map((item) => `${indent}- ${item}`).join('\n')}` : '';
}

function renderUnanchored(orphans: readonly OrphanTag[]): string {
  return [
    '## Unanchored tags',
    'The text of these tags is no longer in the article, so they are not marked above.',
    orphans.map((tag) => `- ${tagSummary(tag, '')}${reviewBlock(tag, '  ')}`).join('\n'),
  ].join('\n\n');
}

/** The article as Markdown with tagged text bracketed and tag details as footnotes. */
export function renderMarkdown(model: ExportModel): string {
  const refsAt = tagsByEndingPiece(model);
  const sections = [
    renderHeader(model),
    model.blocks.map((block) => renderBlock(block, refsAt)).join('\n\n'),
  ];
  if (model.orphans.length > 0) sections.push(renderUnanchored(model.orphans));
  if (model.tags.length > 0) {
    sections.push(
      model.tags
        .map(
          (tag) =>
            `${footnoteRef(tag)}: ${tagSummary(tag, statusNote(tag.status))}${reviewBlock(tag, '    ')}`,
        )
        .join('\n\n'),
    );
  }
  return `${sections.join('\n\n')}\n`;
}

/** The `md` export format. */
export const mdFormat: ExportFormat = {
  name: 'md',
  description: 'Markdown, tags as footnotes',
  contentType: 'text/markdown; charset=utf-8',
  extension: 'md',
  render: (model) => new TextEncoder().encode(renderMarkdown(model)),
};
