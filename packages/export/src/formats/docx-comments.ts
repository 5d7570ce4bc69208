import { Paragraph, type ICommentOptions, type ParagraphChild } from 'docx';
import { LABEL_NAMES, type Reviewer } from '@factcheck/core';
import type { ExportTag } from '../export-model.js';
import type { ExportReviewFields } from '../review-fields.js';
import { BOLD, lineRuns, textRun, xmlSafe } from './docx-runs.js';
import {
  commentHeading,
  evidenceByline,
  readableTime,
  reviewLines,
  STANCE_NAMES,
  statusNote,
} from './readable-fields.js';

/**
 * The Word comment on each tag of the `docx` export: label, reviewer and time, then the review
 * line by line (who decided it, verdict, claimant and subject, evidence as text, the discussion).
 */

/** A reviewer's name as Word shows it, the id when the name is blank. */
export function reviewerName(author: Reviewer): string {
  return author.name.trim() || author.id;
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => [...word][0])
    .join('');
  return [...letters].slice(0, 3).join('').toUpperCase() || '?';
}

/** A tag's review as runs, each on a line of its own after the runs before it. */
export function reviewRuns(tag: ExportReviewFields): ParagraphChild[] {
  const runs = reviewLines(tag).map((line, index) =>
    textRun(xmlSafe(line), index === 0 && tag.adjudicated ? BOLD : undefined, true),
  );
  for (const evidence of tag.evidence) {
    runs.push(
      textRun(
        xmlSafe(
          `Evidence, ${STANCE_NAMES[evidence.stance].toLowerCase()}: ${evidence.url}` +
            (evidence.note ? ` — ${evidence.note}` : '') +
            ` (${evidenceByline(evidence)})`,
        ),
        undefined,
        true,
      ),
    );
  }
  for (const comment of tag.thread) {
    runs.push(
      textRun(xmlSafe(`${commentHeading(comment, tag.thread)}: `), BOLD, true),
      // A comment's own line breaks stay line breaks.
      ...lineRuns(comment.text, undefined, /\r\n?|\n/u),
    );
  }
  return runs;
}

/** The Word comment of a placed tag, numbered as the tag. */
export function commentFor(tag: ExportTag): ICommentOptions {
  const name = reviewerName(tag.author);
  const status = statusNote(tag.status);
  const details = [
    `Tagged by ${name}${name === tag.author.id ? '' : ` (${tag.author.id})`}`,
    `${readableTime(tag.createdAt)}${tag.updatedAt !== tag.createdAt ? `, changed ${readableTime(tag.updatedAt)}` : ''}`,
    ...(status ? [status] : []),
  ].join(' · ');
  return {
    id: tag.number,
    author: xmlSafe(name),
    initials: xmlSafe(initials(name)),
    date: new Date(tag.createdAt),
    // One paragraph with a line break: thousands of comments stay cheap to write.
    children: [
      new Paragraph({
        children: [
          textRun(`${LABEL_NAMES[tag.label]} (tag ${tag.number})`, BOLD),
          textRun(xmlSafe(details), undefined, true),
          ...reviewRuns(tag),
        ],
      }),
    ],
  };
}
