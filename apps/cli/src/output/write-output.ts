import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { ExportedFile } from '../sources/article-source.js';

/** `--out` value that sends a single export to standard output. */
export const STDOUT_TARGET = '-';

/** Default directory of `--all` without `--out`. */
export const DEFAULT_BATCH_DIRECTORY = 'factcheck-export';

function looksLikeDirectory(target: string): boolean {
  return /[/\\]$/u.test(target) || (existsSync(target) && statSync(target).isDirectory());
}

/**
 * Writes one export: to `out` when it names a file, into it when it is a directory (existing, or
 * ending in a slash), to the format's file name in the working directory without it. Returns the path.
 */
export async function writeSingleExport(file: ExportedFile, out: string | undefined): Promise<string> {
  const target = !out ? file.fileName : looksLikeDirectory(out) ? path.join(out, file.fileName) : out;
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await writeFile(target, file.bytes);
  return target;
}

/** Where the exports of many articles go, one at a time. */
export interface BatchOutput {
  /** Adds one article's file; returns the name it got (made unique within the batch). */
  add(file: ExportedFile, articleId: string): Promise<string>;
  /** Finishes (writes the zip, if any); returns the path of the directory or zip. */
  finish(): Promise<string>;
}

/** Names unique within a batch: a second "Title.txt" becomes "Title-<articleId>.txt". */
function uniqueNamer(): (fileName: string, articleId: string) => string {
  const used = new Set<string>();
  return (fileName, articleId) => {
    const extension = path.extname(fileName);
    const stem = fileName.slice(0, fileName.length - extension.length);
    let name = fileName;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      name = n === 2 ? `${stem}-${articleId}${extension}` : `${stem}-${articleId}-${n}${extension}`;
    }
    used.add(name.toLowerCase());
    return name;
  };
}

/** A directory of files (created as needed), or one zip when `out` ends in `.zip`. */
export async function openBatchOutput(out: string | undefined): Promise<BatchOutput> {
  const target = out || DEFAULT_BATCH_DIRECTORY;
  const nameFor = uniqueNamer();
  if (/\.zip$/iu.test(target)) {
    const entries: Record<string, Uint8Array> = {};
    return {
      add: async (file, articleId) => {
        const name = nameFor(file.fileName, articleId);
        entries[name] = file.bytes;
        return name;
      },
      finish: async () => {
        await mkdir(path.dirname(path.resolve(target)), { recursive: true });
        await writeFile(target, zipSync(entries));
        return target;
      },
    };
  }
  await mkdir(target, { recursive: true });
  return {
    add: async (file, articleId) => {
      const name = nameFor(file.fileName, articleId);
      await writeFile(path.join(target, name), file.bytes);
      return name;
    },
    finish: async () => target,
  };
}
