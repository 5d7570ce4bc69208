import type { ExportModel, ExportTag } from '../export-model.js';
import type { ExportFormat } from '../format.js';

/**
 * The `brat` export: a standoff `.ann` file for the `txt` export, one text-bound annotation per
 * placed tag (`T1\tallegation 10 25\ttext`, offsets in code points) and its reviewer, time and
 * anchor status as an `AnnotatorNotes` line (`#1\tAnnotatorNotes T1\tAyesha · 2024-… · anchored`).
 *
 * A tag whose text crosses a line break (a tag across paragraphs, or over a hard break) becomes a
 * discontinuous annotation, `T1\tdenial 10 20;22 30\tfirst part second part`: brat reads the file
 * line by line, so no fragment may hold a line break; fragments are split at every character
 * Python's line splitting breaks at, and their texts are joined by one space, as brat expects.
 *
 * Unanchored tags have no offsets, and brat has no comment lines (every line must be an annotation
 * with a valid id and offsets, or brat reports it as broken), so they are left out of the `.ann`
 * and listed by `renderBratUnanchored` for a file beside it.
 */

/** Characters that end a line for brat (Python's `splitlines`), never inside a fragment. */
const LINE_BREAKS: ReadonlySet<string> = new Set([
  '\n',
  '\r',
  '\v',
  '\f',
  '\u001c',
  '\u001d',
  '\u001e',
  '\u0085',
  '\u2028',
  '\u2029',
]);

/** One contiguous piece of a text-bound annotation, in code points of the `txt` export. */
export interface BratFragment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Splits a tag's span at line breaks into fragments with no line break in them. */
export function bratFragments(tag: ExportTag): BratFragment[] {
  const fragments: BratFragment[] = [];
  let point = tag.start;
  let fragmentStart = point;
  let text = '';
  for (const character of tag.quote) {
    if (LINE_BREAKS.has(character)) {
      if (text) fragments.push({ start: fragmentStart, end: point, text });
      text = '';
      fragmentStart = point + 1;
    } else {
      text += character;
    }
    point += 1;
  }
  if (text) fragments.push({ start: fragmentStart, end: point, text });
  return fragments;
}

/** Makes reviewer text fit on one tab-separated line. */
function oneLine(text: string): string {
  return Array.from(text, (character) =>
    character === '\t' || LINE_BREAKS.has(character) ? '\n' : character,
  )
    .join('')
    .replace(/\n+/gu, ' ')
    .trim();
}

/** The `.ann` lines of one tag: its text-bound annotation and its note (none if it has no text). */
function tagLines(tag: ExportTag): string[] {
  const fragments = bratFragments(tag);
  if (fragments.length === 0) return [];
  const offsets = fragments.map((fragment) => `${fragment.start} ${fragment.end}`).join(';');
  const text = fragments.map((fragment) => fragment.text).join(' ');
  const note = [oneLine(tag.author.name) || tag.author.id, tag.createdAt, tag.status].join(' · ');
  return [
    `T${tag.number}\t${tag.label} ${offsets}\t${text}`,
    `#${tag.number}\tAnnotatorNotes T${tag.number}\t${oneLine(note)}`,
  ];
}

/** The brat standoff annotations of the placed tags, one line each, newline-terminated. */
export function renderBrat(model: ExportModel): string {
  return model.tags
    .flatMap(tagLines)
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * The unanchored tags, which standoff cannot hold, as tab-separated lines with a header:
 * `id`, `label`, `author`, `created`, `quote` (line breaks and tabs turned into spaces).
 */
export function renderBratUnanchored(model: ExportModel): string {
  const rows = model.orphans.map((tag) =>
    [tag.id, tag.label, tag.author.name, tag.createdAt, tag.quote].map(oneLine).join('\t'),
  );
  return ['id\tlabel\tauthor\tcreated\tquote', ...rows].join('\n') + '\n';
}

/** The `brat` export format (the `.ann` file; the text is the `txt` export). */
export const bratFormat: ExportFormat = {
  name: 'brat',
  description: 'brat standoff annotations (.ann, for the txt export)',
  contentType: 'text/plain; charset=utf-8',
  extension: 'ann',
  render: (model) => new TextEncoder().encode(renderBrat(model)),
};
