import { useCallback, useState } from 'react';
import { useReviewer } from '../../reviewer/ReviewerContext.js';
import { ImportDialog } from './ImportDialog.js';
import { useImportQueue } from './useImportQueue.js';
import { usePageFileDrop } from './usePageFileDrop.js';

/** Props of the import control. */
export interface ImportControlProps {
  /** Runs after each new article, so the library lists it. */
  readonly onImported: () => void;
}

/**
 * The library's "Import articles" button and its dialog, which also opens when files are dragged
 * over the page. Importing is for leads (the server refuses others); the queue outlives the
 * dialog, so hiding it does not stop a batch.
 */
export function ImportControl({ onImported }: ImportControlProps) {
  const { abilities } = useReviewer();
  const [open, setOpen] = useState(false);
  const queue = useImportQueue(onImported);
  const show = useCallback(() => setOpen(true), []);
  usePageFileDrop(abilities.manage, show, queue.addFiles);
  if (!abilities.manage) return null;
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => setOpen(true)}
        data-testid="import-open"
      >
        <span aria-hidden="true">⤒</span> Import articles
        {queue.busy && (
          <span className="article-import__badge">
            {queue.finished}/{queue.items.length}
          </span>
        )}
      </button>
      {open && <ImportDialog queue={queue} onClose={() => setOpen(false)} />}
    </>
  );
}
