import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { fetchBlindReview, setBlindReview, type BlindReviewStatus } from '../../api/blind-review-api.js';
import { useReviewer } from '../../reviewer/ReviewerContext.js';
import { useBlindReview } from './useBlindReview.js';

/** Props of the blind review control. */
export interface BlindReviewControlProps {
  readonly articleId: string;
  readonly ydoc: Y.Doc;
  readonly onMessage: (message: string) => void;
}

/**
 * Blind review at the top of the Review tab: what it means while it runs, and for leads the
 * switch to start it and the reveal, with how many tags each reviewer has made so far.
 */
export function BlindReviewControl({ articleId, ydoc, onMessage }: BlindReviewControlProps) {
  const { blind } = useBlindReview(ydoc);
  const { abilities } = useReviewer();
  const [status, setStatus] = useState<BlindReviewStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!abilities.manage || !blind) return;
    const controller = new AbortController();
    fetchBlindReview(articleId, controller.signal).then(setStatus, () => undefined);
    return () => controller.abort();
  }, [articleId, blind, abilities.manage]);

  const change = useCallback(
    (next: boolean) => {
      setBusy(true);
      setBlindReview(articleId, next)
        .then(
          () =>
            onMessage(
              next
                ? 'Blind review started: each reviewer now sees only their own tags.'
                : 'Revealed: every reviewer’s tags are in.',
            ),
          (error: unknown) => onMessage(`Could not change blind review: ${(error as Error).message}`),
        )
        .finally(() => setBusy(false));
    },
    [articleId, onMessage],
  );

  if (!blind && !abilities.manage) return null;
  return (
    <section className={`blind-review${blind ? ' blind-review--on' : ''}`} data-testid="blind-review">
      {blind ? (
        <>
          <p className="blind-review__text">
            <strong>Blind review.</strong> Each reviewer sees only their own tags, and the text is frozen.
            Disputed passages and agreement appear when the lead reveals.
          </p>
          {abilities.manage && (
            <>
              {status && status.reviewers.length > 0 && (
                <p className="blind-review__progress" data-testid="blind-review-progress">
                  {status.reviewers.length} reviewer{status.reviewers.length === 1 ? '' : 's'} so far,{' '}
                  {status.reviewers.reduce((sum, reviewer) => sum + reviewer.tags, 0)} tags in all.
                </p>
              )}
              <button
                type="button"
                className="button button--primary button--small"
                data-testid="reveal-blind-review"
                disabled={busy}
                onClick={() => change(false)}
              >
                Reveal everyone’s tags
              </button>
            </>
          )}
        </>
      ) : (
        <>
          <p className="blind-review__text">
            Start a blind review to collect independent judgements: until you reveal, each reviewer sees only
            their own tags.
          </p>
          <button
            type="button"
            className="button button--small"
            data-testid="start-blind-review"
            disabled={busy}
            onClick={() => change(true)}
          >
            Start blind review
          </button>
        </>
      )}
    </section>
  );
}
