import { zipSync } from 'fflate';
import type { TagView } from '@factcheck/core';
import {
  buildExportModel,
  exportFileName,
  uniqueFileNames,
  unicodeExportFileName,
  type ExportFilter,
  type ExportFormat,
  type ExportRenderOptions,
} from '@factcheck/export';
import type { ArticleSnapshots } from './article-snapshots.js';

/**
 * What to export: a format, the view and the tags to keep, the base URL article IRIs are built
 * from, and the deployment's settings some formats print (the reviewing organisation).
 */
export interface ExportRequest {
  readonly format: ExportFormat;
  readonly filter: ExportFilter;
  readonly view?: TagView;
  readonly baseUrl: string;
  readonly render?: ExportRenderOptions;
}

/** One exported file. */
export interface ExportedFile {
  readonly bytes: Uint8Array;
  /** ASCII file name from the title's slug. */
  readonly fileName: string;
  /** The title as a file name, for `filename*`. */
  readonly unicodeFileName: string;
}

/** Exports one article, or null when it is not stored. */
export async function exportArticle(
  articles: ArticleSnapshots,
  id: string,
  { format, filter, view, baseUrl, render }: ExportRequest,
): Promise<ExportedFile | null> {
  // The model is built in one synchronous read; rendering (a browser for pdf) happens after.
  const found = await articles.read(id, (doc) =>
    buildExportModel(doc, { id, baseUrl, filter, ...(view ? { view } : {}) }),
  );
  if (!found) return null;
  const model = found.value;
  return {
    bytes: await format.render(model, render),
    fileName: exportFileName(model.title, format),
    unicodeFileName: unicodeExportFileName(model.title, format),
  };
}

/** Exports every article into one zip, one file per article named by its title (made unique). */
export async function exportAllArticles(
  articles: ArticleSnapshots,
  request: ExportRequest,
  now = new Date(),
): Promise<{ bytes: Uint8Array; fileName: string; count: number }> {
  const exported: ExportedFile[] = [];
  // One at a time: a pdf export of many articles must not open as many browser pages.
  for (const id of await articles.list()) {
    const file = await exportArticle(articles, id, request);
    if (file) exported.push(file);
  }
  const names = uniqueFileNames(exported.map((file) => file.fileName));
  const mtime = now;
  const bytes = zipSync(
    Object.fromEntries(exported.map((file, index) => [names[index], [file.bytes, { mtime }]])),
    { level: 6 },
  );
  const date = now.toISOString().slice(0, 10);
  return { bytes, fileName: `factcheck-export-${request.format.name}-${date}.zip`, count: exported.length };
}
