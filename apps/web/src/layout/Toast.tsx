import { useEffect } from 'react';

/** A message for the reviewer. `id` distinguishes two messages with the same text. */
export interface ToastMessage {
  readonly id: number;
  readonly text: string;
}

/** A short-lived message at the bottom of the screen, also read out by screen readers. */
export function Toast({
  message,
  onDone,
}: {
  readonly message: ToastMessage | null;
  readonly onDone: () => void;
}) {
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(onDone, 3500);
    return () => window.clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message && (
        <div key={message.id} className="toast">
          {message.text}
        </div>
      )}
    </div>
  );
}
