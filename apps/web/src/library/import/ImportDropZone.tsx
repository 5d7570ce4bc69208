import { useRef, useState, type DragEvent } from 'react';
import { IMPORT_ACCEPT, IMPORT_FILE_KINDS } from './import-files.js';

/** Props of the drop zone. */
export interface ImportDropZoneProps {
  readonly onFiles: (files: File[]) => void;
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** Where files are dropped or picked: several at once, any of the kinds the desk imports. */
export function ImportDropZone({ onFiles }: ImportDropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const over = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className="article-import__drop"
      data-dragging={dragging}
      data-testid="import-drop-zone"
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
    >
      <span className="article-import__drop-icon" aria-hidden="true">
        ⤒
      </span>
      <p className="article-import__drop-text">
        Drop files here or{' '}
        <button type="button" className="link-button" onClick={() => inputRef.current?.click()}>
          choose files
        </button>
      </p>
      <p className="article-import__hint">
        {IMPORT_FILE_KINDS}, up to 5 MB each. Several at once: each becomes an article.
      </p>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        className="article-import__file-input"
        data-testid="import-file-input"
        aria-label="Choose files to import"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
