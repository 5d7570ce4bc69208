import { useEffect, useRef } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Files dragged anywhere over the page: `onDragFiles` runs when they come in (to open the import
 * dialog), and files dropped outside the drop zone are imported too, instead of the browser
 * leaving the app to show the file. Drops the drop zone handled (default prevented) are left alone.
 */
export function usePageFileDrop(
  enabled: boolean,
  onDragFiles: () => void,
  onFiles: (files: File[]) => void,
): void {
  const handlers = useRef({ onDragFiles, onFiles });
  useEffect(() => {
    handlers.current = { onDragFiles, onFiles };
  }, [onDragFiles, onFiles]);

  useEffect(() => {
    if (!enabled) return;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      handlers.current.onDragFiles();
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) handlers.current.onFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
}
