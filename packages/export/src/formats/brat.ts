import type { ExportModel, ExportTag } from '../export-model.js';
import { stringifyCsvTable } from './csv.js';

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
 * and listed by `renderBratUnanchored` for a file beside it (the bundle in `brat-bundle.ts`).
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

/** Columns of the unanchored list, in order. */
export const BRAT_UNANCHORED_COLUMNS = [
  'id',
  'label',
  'author',
  'author_id',
  'created',
  'updated',
  'quote',
  'prefix',
  'suffix',
] as const;

/**
 * The unanchored tags, which standoff cannot hold, as CSV with the conventions of the `csv` export
 * (RFC 4180, so quotes keep their line breaks and tabs): what each tag was on, with its context, so
 * it can be found again by hand or by a quote matcher.
 */
export function renderBratUnanchored(model: ExportModel): string {
  return stringifyCsvTable(
    BRAT_UNANCHORED_COLUMNS,
    model.orphans.map((tag) => [
      tag.id,
      tag.label,
      tag.author.name,
      tag.author.id,
      tag.createdAt,
      tag.updatedAt,
      tag.quote,
      tag.prefix,
      tag.suffix,
    ]),
  );
}
