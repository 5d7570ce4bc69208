import { zipSync, type Zippable } from 'fflate';
import { LABEL_NAMES, LABELS, splitAuthors } from '@factcheck/core';
import type { ExportModel } from '../export-model.js';
import { slugifyTitle } from '../file-name.js';
import type { ExportFormat } from '../format.js';
import { renderBrat, renderBratUnanchored } from './brat.js';
import { renderTxt } from './txt.js';

/**
 * The `brat` export: a zip that unpacks into a brat collection. brat reads a document as a `.txt`
 * and a `.ann` side by side, so the bundle holds both (`<name>.txt` is the `txt` export, the
 * reference of every offset in `<name>.ann`), the tags standoff cannot hold in
 * `<name>.unanchored.csv`, the article's metadata in `<name>.meta.json` (brat has no place for it),
 * and brat's configuration for the three labels (`annotation.conf`, which also lets tags overlap,
 * and `visual.conf` with their names and colours), so brat shows the document without complaints.
 */

/** brat's annotation types: the labels, allowed to overlap and nest as tags do. */
export const BRAT_ANNOTATION_CONF = [
  '# Fact-check desk: the three tag labels. Tags may overlap and nest.',
  '[entities]',
  ...LABELS,
  '',
  '[relations]',
  '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  '',
  '[events]',
  '',
  '[attributes]',
  '',
].join('\n');

/** Background and border of each label in brat: the tints and lines of the other exports. */
const BRAT_COLOURS = {
  allegation: { bgColor: '#FBDFDF', borderColor: '#C62828' },
  denial: { bgColor: '#DDEBFB', borderColor: '#1557B0' },
  rumour: { bgColor: '#FFEBBD', borderColor: '#A15C00' },
} as const;

/** How brat names and draws each label. */
export const BRAT_VISUAL_CONF = [
  '[labels]',
  ...LABELS.map((label) => `${label} | ${LABEL_NAMES[label]}`),
  '',
  '[drawing]',
  ...LABELS.map(
    (label) =>
      `${label}\tbgColor:${BRAT_COLOURS[label].bgColor}, borderColor:${BRAT_COLOURS[label].borderColor}`,
  ),
  '',
].join('\n');

/** The names of the files in an article's bundle. */
export interface BratBundleNames {
  readonly text: string;
  readonly annotations: string;
  readonly unanchored: string;
  readonly metadata: string;
}

/** File names inside the bundle, from the title's slug (brat pairs `.txt` and `.ann` by name). */
export function bratBundleNames(model: Pick<ExportModel, 'title'>): BratBundleNames {
  const name = slugifyTitle(model.title);
  return {
    text: `${name}.txt`,
    annotations: `${name}.ann`,
    unanchored: `${name}.unanchored.csv`,
    metadata: `${name}.meta.json`,
  };
}

/**
 * The article's metadata as JSON: every metadata field (empty when unknown; authors as a list),
 * the article's IRI, and when and how the export was made.
 */
export function renderBratMetadata(model: ExportModel): string {
  const { title, sourceUrl, outlet, authors, publishedAt, language } = model.articleMeta;
  const metadata = {
    title,
    sourceUrl,
    outlet,
    authors: splitAuthors(authors),
    publishedAt,
    language,
    articleIri: model.sourceIri,
    exportedAt: model.exportedAt,
    view: model.view,
    filter: model.filter,
  };
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/** The bundle's files by name, as text. */
export function bratBundleFiles(model: ExportModel): Record<string, string> {
  const names = bratBundleNames(model);
  return {
    [names.text]: renderTxt(model),
    [names.annotations]: renderBrat(model),
    [names.unanchored]: renderBratUnanchored(model),
    [names.metadata]: renderBratMetadata(model),
    'annotation.conf': BRAT_ANNOTATION_CONF,
    'visual.conf': BRAT_VISUAL_CONF,
  };
}

/** The article as a brat collection in a zip (UTF-8 files, dated when the export was made). */
export function renderBratBundle(model: ExportModel): Uint8Array {
  const encoder = new TextEncoder();
  const mtime = new Date(model.exportedAt);
  const files: Zippable = {};
  for (const [name, text] of Object.entries(bratBundleFiles(model))) {
    files[name] = [encoder.encode(text), { mtime }];
  }
  return zipSync(files, { level: 6 });
}

/** The `brat` export format: a zip of the `.txt`, the `.ann`, the unanchored tags, the metadata and brat's configuration. */
export const bratFormat: ExportFormat = {
  name: 'brat',
  description: 'brat standoff bundle (zip: .txt, .ann, unanchored tags, brat configuration)',
  contentType: 'application/zip',
  extension: 'brat.zip',
  render: renderBratBundle,
};
