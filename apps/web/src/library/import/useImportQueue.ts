import { useCallback, useEffect, useRef, useState } from 'react';
import { contentTypeOfFile, formatFileSize, IMPORT_FILE_KINDS, MAX_IMPORT_BYTES } from './import-files.js';
import { importArticle, type ImportOverrides } from './import-api.js';

/** One file (or pasted text) on its way in. */
export interface ImportItem {
  readonly key: number;
  /** The file name, or "Pasted text". */
  readonly name: string;
  readonly status: 'waiting' | 'importing' | 'done' | 'failed';
  /** The new article, once done. */
  readonly article?: { readonly id: string; readonly title: string };
  /** Why it was refused, once failed. */
  readonly error?: string;
}

interface Job {
  readonly key: number;
  readonly body: Blob | string;
  readonly contentType: string;
  readonly overrides: ImportOverrides;
}

/** The import queue of the library's import dialog. */
export interface ImportQueue {
  readonly items: readonly ImportItem[];
  /** Items finished (done or failed) out of all. */
  readonly finished: number;
  readonly busy: boolean;
  /** Queues files; ones the desk does not import or that are too large fail at once. */
  addFiles(files: readonly File[]): void;
  /** Queues pasted text as a plain-text article. */
  addText(text: string, overrides: ImportOverrides): void;
  /** Forgets finished items. */
  clear(): void;
}

/**
 * Imports files one after another (the server reads each whole), keeping each file's outcome;
 * `onImported` runs after every new article so the library lists it.
 */
export function useImportQueue(onImported: () => void): ImportQueue {
  const [items, setItems] = useState<readonly ImportItem[]>([]);
  const jobs = useRef<Job[]>([]);
  const running = useRef(false);
  const nextKey = useRef(1);
  const controller = useRef(new AbortController());
  const onImportedRef = useRef(onImported);
  useEffect(() => {
    onImportedRef.current = onImported;
  }, [onImported]);
  useEffect(() => {
    const current = controller.current;
    return () => current.abort();
  }, []);

  const update = useCallback((key: number, change: Partial<ImportItem>) => {
    setItems((previous) => previous.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let job = jobs.current.shift(); job; job = jobs.current.shift()) {
        update(job.key, { status: 'importing' });
        try {
          const article = await importArticle(
            job.body,
            job.contentType,
            job.overrides,
            controller.current.signal,
          );
          update(job.key, { status: 'done', article });
          onImportedRef.current();
        } catch (error) {
          if (controller.current.signal.aborted) return;
          update(job.key, {
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    } finally {
      running.current = false;
    }
  }, [update]);

  const enqueue = useCallback((name: string, prepare: () => Omit<Job, 'key'> | string) => {
    const key = nextKey.current++;
    const prepared = prepare();
    if (typeof prepared === 'string') {
      setItems((previous) => [...previous, { key, name, status: 'failed', error: prepared }]);
      return;
    }
    setItems((previous) => [...previous, { key, name, status: 'waiting' }]);
    jobs.current.push({ key, ...prepared });
  }, []);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        enqueue(file.name, () => {
          const contentType = contentTypeOfFile(file.name);
          if (!contentType) return `Not a file the desk imports: choose ${IMPORT_FILE_KINDS} files.`;
          if (file.size > MAX_IMPORT_BYTES) {
            return `The file is too large to import: the limit is ${formatFileSize(MAX_IMPORT_BYTES)} and this one is ${formatFileSize(file.size)}.`;
          }
          return { body: file, contentType, overrides: {} };
        });
      }
      void run();
    },
    [enqueue, run],
  );

  const addText = useCallback(
    (text: string, overrides: ImportOverrides) => {
      enqueue(overrides.title?.trim() || 'Pasted text', () => ({
        body: text,
        contentType: 'text/plain; charset=utf-8',
        overrides,
      }));
      void run();
    },
    [enqueue, run],
  );

  const clear = useCallback(() => {
    setItems((previous) =>
      previous.filter((item) => item.status === 'waiting' || item.status === 'importing'),
    );
  }, []);

  const finished = items.filter((item) => item.status === 'done' || item.status === 'failed').length;
  return { items, finished, busy: finished < items.length, addFiles, addText, clear };
}
