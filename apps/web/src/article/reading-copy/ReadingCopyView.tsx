import { useLayoutEffect, useRef } from 'react';

/** Props of the reading copy's place on the page. */
export interface ReadingCopyViewProps {
  /** The drawn copy (see useReadingCopy); moved here, not drawn again. */
  readonly copy: HTMLElement;
  /** Called after the first frame showing the copy is painted. */
  readonly onShown?: () => void;
}

/**
 * Shows the reading copy where the editor will be, read only, until the editor is drawn: the
 * stylesheet hides it as soon as the editor's element has content, in the same frame.
 */
export function ReadingCopyView({ copy, onShown }: ReadingCopyViewProps) {
  const hostRef = useRef<HTMLDivElement | null>(null);
  const shownRef = useRef(onShown);
  shownRef.current = onShown;
  useLayoutEffect(() => {
    const host = hostRef.current!;
    host.appendChild(copy);
    let shown = false;
    const reportShown = () => {
      if (shown) return;
      shown = true;
      shownRef.current?.();
    };
    let frame: number | null = requestAnimationFrame(() => {
      frame = null;
      // A task queued from the frame's callback runs once that frame is painted.
      setTimeout(reportShown, 0);
    });
    // A tab opened in the background gets no frames: nothing to wait for there.
    const whenHidden = () => {
      if (document.visibilityState === 'hidden') reportShown();
    };
    whenHidden();
    document.addEventListener('visibilitychange', whenHidden);
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', whenHidden);
      copy.remove();
    };
  }, [copy]);
  return (
    <div
      ref={hostRef}
      className="sheet__editor reading-copy-host"
      aria-busy="true"
      data-testid="reading-copy"
    />
  );
}
