import { LABEL_NAMES, LABELS, type Label } from '@factcheck/core';
import type { ExportBlock, ExportModel, ExportTag, InlineMarks, OrphanTag, Piece } from '../export-model.js';
import type { ExportFormat } from '../format.js';
import type { ExportComment, ExportEvidence, ExportReviewFields } from '../review-fields.js';
import { escapeHtml, safeHttpHref, safeLinkHref } from './escape.js';
import { HTML_EXPORT_STYLES } from './html-styles.js';
import { tagsByEndingPiece, tagsByStartingPiece, type TagsByOffset } from './note-anchors.js';
import {
  commentHeading,
  countTagsByLabel,
  describeFilter,
  describeView,
  evidenceByline,
  languageTag,
  metadataEntries,
  readableTime,
  reviewLines,
  STANCE_NAMES,
  statusNote,
} from './readable-fields.js';

/**
 * The `html` export: one self-contained page (inline CSS, no script, a Content Security Policy
 * that forbids every request) with the article's metadata and a legend, the article inside one
 * `<article>` whose `textContent` is exactly the `txt` export, tagged text in `<mark>`s coloured
 * per label, and each tag's details as numbered notes after it: label, reviewer, time, and its
 * review (who decided it, verdict, claimant and subject, evidence, discussion).
 *
 * Inside `<article>` there is no text but the article's: block separators are literal "\n\n" text
 * nodes, a hard break is `<br>` plus its "\n", and note numbers come from CSS (`data-notes`).
 */

const CONTAINER_ELEMENTS: Readonly<Record<string, string>> = {
  blockquote: 'blockquote',
  bullet_list: 'ul',
  ordered_list: 'ol',
  list_item: 'li',
};

/** What each label's highlight looks like, for the legend. */
const LABEL_CUES: Readonly<Record<Label, string>> = {
  allegation: 'red tint, solid underline',
  denial: 'blue tint, double underline',
  rumour: 'amber tint, dotted underline',
};

function labelsOf(ids: readonly string[], tagsById: ReadonlyMap<string, ExportTag>): Label[] {
  const present = new Set(ids.map((id) => tagsById.get(id)?.label));
  return LABELS.filter((label) => present.has(label));
}

function wrapMarks(html: string, marks: InlineMarks): string {
  let out = html;
  if (marks.code) out = `<code>${out}</code>`;
  if (marks.em) out = `<em>${out}</em>`;
  if (marks.strong) out = `<strong>${out}</strong>`;
  const href = safeLinkHref(marks.link);
  if (href) out = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${out}</a>`;
  return out;
}

/** One piece's text (a hard break as `<br>` plus its "\n") inside its inline marks. */
function renderPieceText(piece: Piece): string {
  return wrapMarks(piece.hardBreak ? `<br>${escapeHtml(piece.text)}` : escapeHtml(piece.text), piece.marks);
}

/** Where tags meet: what a `<mark>` needs to know about the tags around it. */
interface TagLookup {
  readonly byId: ReadonlyMap<string, ExportTag>;
  readonly startsAt: TagsByOffset;
  readonly endsAt: TagsByOffset;
}

/**
 * A run of pieces under the same tags: one `<mark>` with the note numbers of tags ending there.
 * Printed, it leaves out what only a screen uses (tooltips, tag ids, link targets): a quarter of
 * Chromium's work on a long article.
 */
function renderTagged(pieces: readonly Piece[], lookup: TagLookup, print: boolean): string {
  const [first] = pieces;
  const last = pieces[pieces.length - 1];
  const tags = first.tagIds.map((id) => lookup.byId.get(id)).filter((tag) => tag !== undefined);
  const classes = ['tag', ...labelsOf(first.tagIds, lookup.byId).map((label) => `tag--${label}`)];
  if (first.tagIds.length > 1) classes.push('tag--overlap');
  const ending = lookup.endsAt.get(last.from + last.text.length) ?? [];
  const notes = ending.map((tag) => `[${tag.number}]`).join('');
  const text = pieces.map(renderPieceText).join('');
  if (print)
    return `<mark class="${classes.join(' ')}"${notes ? ` data-notes="${notes}"` : ''}>${text}</mark>`;
  const title = tags
    .map(
      (tag) =>
        `[${tag.number}] ${LABEL_NAMES[tag.label]} — ${tag.author.name}${tag.adjudicated ? ' (decided)' : ''}`,
    )
    .join('\n');
  const anchors = (lookup.startsAt.get(first.from) ?? []).map(
    (tag) => `<span id="tag-${tag.number}"></span>`,
  );
  return (
    anchors.join('') +
    `<mark class="${classes.join(' ')}" data-tag-ids="${escapeHtml(first.tagIds.join(' '))}"` +
    (notes ? ` data-notes="${notes}"` : '') +
    ` title="${escapeHtml(title)}">${text}</mark>`
  );
}

/** A block's pieces, consecutive pieces under the same tags sharing one `<mark>`. */
function renderPieces(pieces: readonly Piece[], lookup: TagLookup, print: boolean): string {
  let html = '';
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index];
    if (piece.tagIds.length === 0) {
      html += renderPieceText(piece);
      index += 1;
      continue;
    }
    const key = piece.tagIds.join(' ');
    let end = index + 1;
    while (end < pieces.length && pieces[end].tagIds.join(' ') === key) end += 1;
    html += renderTagged(pieces.slice(index, end), lookup, print);
    index = end;
  }
  return html;
}

function openBlock(block: ExportBlock): [string, string] {
  if (block.type === 'heading') {
    const level = Math.min(6, Math.max(1, Math.trunc(block.level ?? 1) || 1));
    return [`<h${level} dir="auto">`, `</h${level}>`];
  }
  if (block.type === 'code_block') return ['<pre dir="auto"><code>', '</code></pre>'];
  return ['<p dir="auto">', '</p>'];
}

/** The `<article>`: blocks in their lists and quotes, separated by "\n\n" text nodes only. */
function renderArticle(model: ExportModel, print: boolean): string {
  const lookup: TagLookup = {
    byId: new Map(model.tags.map((tag) => [tag.id, tag])),
    startsAt: tagsByStartingPiece(model),
    endsAt: tagsByEndingPiece(model),
  };
  const open: string[] = [];
  let html = `<article class="article-text" dir="auto"${langAttribute(model)}>`;
  model.blocks.forEach((block, index) => {
    let keep = 0;
    while (keep < open.length && keep < block.containers.length && open[keep] === block.containers[keep])
      keep++;
    // A block that starts a list item closes the previous item of the same list.
    if (block.firstInListItem && keep === block.containers.length && keep > 0) keep--;
    while (open.length > keep) html += `</${CONTAINER_ELEMENTS[open.pop()!] ?? 'div'}>`;
    if (index > 0) html += '\n\n';
    for (const container of block.containers.slice(keep)) {
      html += `<${CONTAINER_ELEMENTS[container] ?? 'div'}>`;
      open.push(container);
    }
    const [start, end] = openBlock(block);
    html += start;
    html += renderPieces(block.pieces, lookup, print);
    html += end;
  });
  while (open.length > 0) html += `</${CONTAINER_ELEMENTS[open.pop()!] ?? 'div'}>`;
  return `${html}</article>`;
}

function renderTime(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(readableTime(iso))}</time>`;
}

function renderLabelName(label: Label): string {
  return `<span class="label-name label-name--${label}">${escapeHtml(LABEL_NAMES[label])}</span>`;
}

/** ` lang="…"` for text in the article's language, when its metadata names a valid one. */
function langAttribute(model: ExportModel): string {
  const tag = languageTag(model.articleMeta.language);
  return tag ? ` lang="${escapeHtml(tag)}"` : '';
}

/** A metadata value as HTML: an http(s) source URL as a link, a date as `<time>`, the rest as text. */
function renderMetadataValue(key: string, value: string): string {
  const href = key === 'sourceUrl' ? safeHttpHref(value) : undefined;
  if (href)
    return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(value)}</a>`;
  if (key === 'publishedAt' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/u.test(value)) {
    return `<time datetime="${escapeHtml(value)}">${escapeHtml(value)}</time>`;
  }
  return escapeHtml(value);
}

function renderHeader(model: ExportModel): string {
  const source = safeLinkHref(model.sourceIri)
    ? `<a href="${escapeHtml(model.sourceIri)}" rel="noopener noreferrer">${escapeHtml(model.sourceIri)}</a>`
    : escapeHtml(model.sourceIri);
  const counts = countTagsByLabel(model)
    .map(
      ({ label, name, count }) => `<span class="count count--${label}">${escapeHtml(name)}: ${count}</span>`,
    )
    .join(' · ');
  const fields: [string, string][] = [
    ...metadataEntries(model).map(({ key, label, value }): [string, string] => [
      escapeHtml(label),
      renderMetadataValue(key, value),
    ]),
    ['Article IRI', source],
    ['Exported', renderTime(model.exportedAt)],
    ['Filter', escapeHtml(describeFilter(model))],
    ['View', escapeHtml(describeView(model))],
    ['Tags', `${counts} · <span class="count count--unanchored">Unanchored: ${model.orphans.length}</span>`],
  ];
  const legend = LABELS.map(
    (label) =>
      `<li><span class="tag tag--${label}">${escapeHtml(LABEL_NAMES[label])}</span> ${LABEL_CUES[label]}</li>`,
  ).join('');
  return (
    '<header class="export-header">' +
    '<p class="kicker">Fact-check: annotated copy</p>' +
    `<h1 dir="auto"${langAttribute(model)}>${escapeHtml(model.title)}</h1>` +
    `<dl class="export-meta">${fields.map(([name, value]) => `<dt>${name}</dt><dd dir="auto">${value}</dd>`).join('')}</dl>` +
    '<section class="legend" aria-labelledby="legend-title"><h2 id="legend-title">Legend</h2><ul>' +
    legend +
    '<li><span class="tag tag--allegation tag--denial tag--overlap">Overlap</span> text under several tags: tints blend, lines stack</li>' +
    '<li><sup>[n]</sup> after highlighted text: the note of tag n, which ends there</li>' +
    '</ul></section></header>'
  );
}

function renderEvidence(evidence: ExportEvidence): string {
  const href = safeHttpHref(evidence.url);
  const link = href
    ? `<a class="evidence-url" href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(evidence.url)}</a>`
    : `<span class="evidence-url">${escapeHtml(evidence.url)}</span>`;
  return (
    `<li><span class="stance stance--${evidence.stance}">${STANCE_NAMES[evidence.stance]}</span>: ${link}` +
    (evidence.note ? ` — <span dir="auto">${escapeHtml(evidence.note)}</span>` : '') +
    ` <span class="evidence-by">(${escapeHtml(evidenceByline(evidence))})</span></li>`
  );
}

function renderComment(comment: ExportComment, thread: readonly ExportComment[]): string {
  return (
    `<li class="comment${comment.replyTo ? ' comment--reply' : ''}">` +
    `<p class="comment-head">${escapeHtml(commentHeading(comment, thread))}</p>` +
    `<p class="comment-text" dir="auto">${escapeHtml(comment.text)}</p></li>`
  );
}

/** A tag's review under its quote: decision, verdict, claim, links, evidence, discussion. */
function renderReview(tag: ExportReviewFields): string {
  const lines = reviewLines(tag).map((line, index) => {
    const decided = index === 0 && tag.adjudicated;
    return `<p class="${decided ? 'note-decided' : 'note-line'}" dir="auto">${escapeHtml(line)}</p>`;
  });
  const evidence =
    tag.evidence.length > 0
      ? `<h3>Evidence</h3><ul class="note-evidence">${tag.evidence.map(renderEvidence).join('')}</ul>`
      : '';
  const thread =
    tag.thread.length > 0
      ? `<h3>Discussion</h3><ol class="note-thread">${tag.thread.map((comment) => renderComment(comment, tag.thread)).join('')}</ol>`
      : '';
  if (lines.length === 0 && !evidence && !thread) return '';
  return `<div class="note-review">${lines.join('')}${evidence}${thread}</div>`;
}

/**
 * One note. The list numbers it: tags are numbered 1, 2, … in list order, so no `value` attribute
 * is needed (Chromium renumbers every later item for each one, quadratic in a long list).
 */
function renderNote(tag: ExportTag, options: HtmlRenderOptions, lang: string): string {
  const status = statusNote(tag.status);
  const edited = tag.updatedAt !== tag.createdAt ? ` · changed ${renderTime(tag.updatedAt)}` : '';
  return (
    (options.print ? '<li' : `<li id="note-${tag.number}" data-tag-id="${escapeHtml(tag.id)}"`) +
    `${tag.adjudicated ? ' class="note--decided"' : ''}>` +
    `<p class="note-head">${renderLabelName(tag.label)} · <span class="note-author">${escapeHtml(tag.author.name)}</span>` +
    ` · ${renderTime(tag.createdAt)}${edited}` +
    (status ? ` · <span class="note-status">${escapeHtml(status)}</span>` : '') +
    (options.print ? '' : ` <a class="back-link" href="#tag-${tag.number}">back to the text</a>`) +
    '</p>' +
    `<blockquote class="note-quote" dir="auto"${lang}>${escapeHtml(tag.quote)}</blockquote>${renderReview(tag)}</li>`
  );
}

function renderNotes(tags: readonly ExportTag[], options: HtmlRenderOptions, lang: string): string {
  const body =
    tags.length > 0
      ? `<ol class="notes-list">${tags.map((tag) => renderNote(tag, options, lang)).join('')}</ol>`
      : '<p class="empty">No tags.</p>';
  return `<section class="notes" aria-labelledby="notes-title"><h2 id="notes-title">Notes</h2>${body}</section>`;
}

function renderOrphan(tag: OrphanTag, lang: string, print: boolean): string {
  return (
    (print ? '<li>' : `<li data-tag-id="${escapeHtml(tag.id)}">`) +
    `<p class="note-head">${renderLabelName(tag.label)} · ` +
    `<span class="note-author">${escapeHtml(tag.author.name)}</span> · ${renderTime(tag.createdAt)}</p>` +
    `<blockquote class="note-quote" dir="auto"${lang}>${escapeHtml(tag.quote)}</blockquote>${renderReview(tag)}</li>`
  );
}

function renderUnanchored(orphans: readonly OrphanTag[], lang: string, print: boolean): string {
  if (orphans.length === 0) return '';
  return (
    '<section class="unanchored" aria-labelledby="unanchored-title"><h2 id="unanchored-title">Unanchored tags</h2>' +
    '<p>The text of these tags is no longer in the article, so they are not highlighted above.</p>' +
    `<ul class="unanchored-list">${orphans.map((orphan) => renderOrphan(orphan, lang, print)).join('')}</ul></section>`
  );
}

/** Options of `renderHtml`. */
export interface HtmlRenderOptions {
  /**
   * The page is only printed (the `pdf` export): the links from notes back to the text, which
   * print hides anyway, are left out, since Chromium finds the target of every in-page link once
   * per printed page (5,000 notes over 400 pages took it 17 s); so are tooltips, tag ids and link
   * targets, which paper cannot use.
   */
  readonly print?: boolean;
}

/** The article as one self-contained HTML page with its tags highlighted and explained. */
export function renderHtml(model: ExportModel, options: HtmlRenderOptions = {}): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${HTML_EXPORT_STYLES}</style>`,
    '</head>',
    '<body>',
    renderHeader(model),
    `<main>${renderArticle(model, options.print === true)}${renderNotes(model.tags, options, langAttribute(model))}` +
      `${renderUnanchored(model.orphans, langAttribute(model), options.print === true)}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The `html` export format. */
export const htmlFormat: ExportFormat = {
  name: 'html',
  description: 'Web page to read or print, tags highlighted',
  contentType: 'text/html; charset=utf-8',
  extension: 'html',
  render: (model) => new TextEncoder().encode(renderHtml(model)),
};
