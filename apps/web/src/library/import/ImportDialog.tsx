import { useEffect, useId, useRef, useState } from 'react';
import { ImportDropZone } from './ImportDropZone.js';
import { ImportResults } from './ImportResults.js';
import { PasteTextForm } from './PasteTextForm.js';
import type { ImportQueue } from './useImportQueue.js';
import './import.css';

/** Props of the import dialog. */
export interface ImportDialogProps {
  readonly queue: ImportQueue;
  readonly onClose: () => void;
}

type Mode = 'files' | 'paste';

/** The library's import dialog: files (dropped or picked) or pasted text, and what became of each. */
export function ImportDialog({ queue, onClose }: ImportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [mode, setMode] = useState<Mode>('files');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="article-import"
      aria-labelledby={titleId}
      data-testid="import-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="article-import__body">
        <div className="article-import__header">
          <h2 id={titleId} className="article-import__title">
            Import articles
          </h2>
          <button type="button" className="close-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="article-import__modes" role="tablist" aria-label="How to import">
          {(
            [
              ['files', 'Files'],
              ['paste', 'Paste text'],
            ] as const
          ).map(([value, name]) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={mode === value}
              className="article-import__mode"
              onClick={() => setMode(value)}
              data-testid={`import-mode-${value}`}
            >
              {name}
            </button>
          ))}
        </div>
        <div role="tabpanel">
          {mode === 'files' ? (
            <ImportDropZone onFiles={queue.addFiles} />
          ) : (
            <PasteTextForm onImport={queue.addText} />
          )}
        </div>
        {queue.items.length > 0 && (
          <ImportResults items={queue.items} finished={queue.finished} onOpen={onClose} />
        )}
        <div className="article-import__actions">
          {queue.items.length > 0 && !queue.busy && (
            <button type="button" className="button button--quiet" onClick={queue.clear}>
              Clear list
            </button>
          )}
          <button type="button" className="button" onClick={onClose} data-testid="import-close">
            {queue.busy ? 'Hide (keeps importing)' : 'Close'}
          </button>
        </div>
      </div>
    </dialog>
  );
}
