import type { Page } from 'playwright-core';

/** Probes of the reading copy for browser tests: what a page saw while opening, and its stored copies. */

const COPIES_DATABASE = 'factcheck-reading-copies';

/** What the page saw while opening, recorded by an init script as the DOM changed. */
export interface OpenRecord {
  /** Whether a reading copy was on the page at any point. */
  copySeen: boolean;
  /** The text of the first reading copy on the page. */
  firstCopyText: string | null;
  copyAt: number | null;
  copyIds: string[];
  /** Each highlight of the copy as `classes|tag ids|text`. */
  copyHighlights: string[];
  copyText: string;
  copyHtml: string;
  copyEditable: boolean | null;
  editorAt: number | null;
  copyVisibleWithEditor: boolean | null;
}

/** Records when the reading copy and the editor first show highlights, and what the copy held. */
export function recordOpen(): void {
  const record: OpenRecord = {
    copySeen: false,
    firstCopyText: null,
    copyAt: null,
    copyIds: [],
    copyHighlights: [],
    copyText: '',
    copyHtml: '',
    copyEditable: null,
    editorAt: null,
    copyVisibleWithEditor: null,
  };
  (window as unknown as { __open: OpenRecord }).__open = record;
  const observer = new MutationObserver(() => {
    const copy = document.querySelector('[data-testid="reading-copy"]');
    if (copy) record.copySeen = true;
    if (copy && record.firstCopyText === null) record.firstCopyText = copy.textContent;
    if (record.copyAt === null && copy?.querySelector('.fc-tag')) {
      record.copyAt = performance.now();
      record.copyIds = [...copy.querySelectorAll('.fc-tag')].flatMap((span) =>
        (span.getAttribute('data-tag-ids') ?? '').split(' '),
      );
      record.copyHighlights = [...copy.querySelectorAll('.fc-tag')].map(
        (span) => `${span.className}|${span.getAttribute('data-tag-ids')}|${span.textContent}`,
      );
      record.copyText = copy.textContent ?? '';
      record.copyHtml = copy.innerHTML;
      record.copyEditable = (copy.firstElementChild as HTMLElement | null)?.isContentEditable ?? null;
    }
    if (record.editorAt === null && document.querySelector('.ProseMirror .fc-tag')) {
      record.editorAt = performance.now();
      record.copyVisibleWithEditor = copy ? getComputedStyle(copy).display !== 'none' : false;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The stored reading copies' bodies (JSON strings), read from the page's IndexedDB. */
export function storedCopies(page: Page): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve) => {
        const request = indexedDB.open(name);
        request.onerror = () => resolve([]);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('copies')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('copies', 'readonly').objectStore('copies').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as string[]);
          };
          all.onerror = () => resolve([]);
        };
      }),
    COPIES_DATABASE,
  );
}

/** Replaces every stored reading copy's nodes with `nodes` (as a tampered store would hold them). */
export function tamperWithCopies(page: Page, nodes: unknown[]): Promise<void> {
  return page.evaluate(
    ({ name, nodes }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('copies', 'readwrite');
          const store = transaction.objectStore('copies');
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            for (const key of keys.result) store.put(JSON.stringify({ savedAt: Date.now(), nodes }), key);
          };
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { name: COPIES_DATABASE, nodes },
  );
}
