import { useEffect, useState } from 'react';

/** A message that can offer to take back what it reports. */
export interface UndoOffer {
  /** Distinguishes two offers with the same text. */
  readonly id: number;
  readonly text: string;
  /** Takes the action back; absent for a message with nothing to undo (an error). */
  readonly undo?: () => Promise<void>;
  readonly tone?: 'info' | 'error';
}

/** How long an action can be taken back from the toast. */
export const UNDO_WINDOW_MS = 10_000;

/**
 * The toast at the bottom of the library: what just happened, an Undo button for ten seconds (a
 * bar shows the time left), and a close button. Read out by screen readers.
 */
export function UndoToast({
  offer,
  onDone,
}: {
  readonly offer: UndoOffer | null;
  readonly onDone: () => void;
}) {
  const [undoing, setUndoing] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    setUndoing(false);
    setFailed(null);
    if (!offer) return;
    const timer = window.setTimeout(onDone, offer.undo ? UNDO_WINDOW_MS : 6_000);
    return () => window.clearTimeout(timer);
  }, [offer, onDone]);

  const undo = async () => {
    if (!offer?.undo) return;
    setUndoing(true);
    try {
      await offer.undo();
      onDone();
    } catch (error) {
      setUndoing(false);
      setFailed(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {offer && (
        <div
          key={offer.id}
          className={`toast undo-toast${offer.tone === 'error' || failed ? ' undo-toast--error' : ''}`}
          data-testid="undo-toast"
        >
          <span className="undo-toast__text">{failed ? `Could not undo: ${failed}` : offer.text}</span>
          {offer.undo && !failed && (
            <button
              type="button"
              className="undo-toast__undo"
              onClick={() => void undo()}
              disabled={undoing}
              data-testid="undo-button"
            >
              {undoing ? 'Undoing…' : 'Undo'}
            </button>
          )}
          <button type="button" className="undo-toast__close" onClick={onDone} aria-label="Dismiss">
            ×
          </button>
          {offer.undo && !failed && (
            <span
              className="undo-toast__timer"
              style={{ animationDuration: `${UNDO_WINDOW_MS}ms` }}
              aria-hidden="true"
            />
          )}
        </div>
      )}
    </div>
  );
}
