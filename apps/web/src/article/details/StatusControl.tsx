import { useReviewer } from '../../reviewer/ReviewerContext.js';
import { useId, useState, type FormEvent } from 'react';
import { setTagStatus, TAG_STATUSES, type Annotation, type Reviewer, type TagStatus } from '@factcheck/core';
import { TimeAgo } from '../../time/TimeAgo.js';
import type { TaggingWrite } from '../tags/tagging-transaction.js';

/** Verdicts offered as suggestions; any other text is allowed. */
const VERDICT_SUGGESTIONS = [
  'False',
  'Misleading',
  'Mostly false',
  'Half true',
  'Mostly true',
  'Accurate',
  'Unproven',
];

const STATUS_NAMES: Record<TagStatus, string> = { open: 'Open', disputed: 'Disputed', resolved: 'Resolved' };

/** Props of the status control. */
export interface StatusControlProps {
  readonly annotation: Annotation;
  readonly reviewer: Reviewer;
  readonly now: number;
  readonly write: TaggingWrite;
}

/**
 * A tag's review status. Open and disputed apply at once; resolved asks for a verdict first, and
 * a resolved tag shows its verdict, who resolved it and when.
 */
export function StatusControl({ annotation, reviewer, now, write }: StatusControlProps) {
  const selectId = useId();
  const verdictsId = useId();
  // The verdict being typed, while resolving or changing the verdict; null otherwise.
  const [verdict, setVerdict] = useState<string | null>(null);
  const resolving = verdict !== null;
  // Resolving, and reopening a resolved tag, settle disputes: leads only (the server checks too).
  const { abilities } = useReviewer();
  const locked = !abilities.manage && annotation.status === 'resolved';

  const setStatus = (status: TagStatus) => {
    if (status === 'resolved') {
      setVerdict(annotation.verdict ?? '');
      return;
    }
    setVerdict(null);
    if (status !== annotation.status) write((doc) => setTagStatus(doc, annotation.id, status, reviewer));
  };
  const resolve = (event: FormEvent) => {
    event.preventDefault();
    const text = verdict?.trim();
    if (!text) return;
    write((doc) => setTagStatus(doc, annotation.id, 'resolved', reviewer, text));
    setVerdict(null);
  };

  return (
    <div className="status-control">
      <div className="status-control__row">
        <label htmlFor={selectId} className="details-field__label">
          Status
        </label>
        <select
          id={selectId}
          className="details-select"
          data-testid="status-select"
          value={resolving ? 'resolved' : annotation.status}
          disabled={locked}
          title={locked ? 'Only a lead can reopen a resolved tag' : undefined}
          onChange={(event) => setStatus(event.target.value as TagStatus)}
        >
          {TAG_STATUSES.map((status) => (
            <option key={status} value={status} disabled={status === 'resolved' && !abilities.manage}>
              {STATUS_NAMES[status]}
            </option>
          ))}
        </select>
      </div>
      {resolving ? (
        <form className="verdict-form" onSubmit={resolve}>
          <label className="details-field">
            <span className="details-field__label">Verdict</span>
            <input
              className="details-input"
              data-testid="verdict-input"
              list={verdictsId}
              value={verdict}
              maxLength={300}
              placeholder="e.g. False, Misleading, Accurate"
              autoFocus
              onChange={(event) => setVerdict(event.target.value)}
            />
          </label>
          <datalist id={verdictsId}>
            {VERDICT_SUGGESTIONS.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
          <div className="details-form__actions">
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setVerdict(null)}
            >
              Cancel
            </button>
            <button
              type="submit"
              className="button button--primary button--small"
              data-testid="verdict-submit"
              disabled={!verdict.trim()}
            >
              {annotation.status === 'resolved' ? 'Save verdict' : 'Resolve'}
            </button>
          </div>
        </form>
      ) : (
        annotation.status === 'resolved' && (
          <p className="status-control__verdict" data-testid="verdict">
            <span className="status-control__verdict-text">{annotation.verdict || 'No verdict given'}</span>
            {abilities.manage && (
              <button
                type="button"
                className="link-button"
                onClick={() => setVerdict(annotation.verdict ?? '')}
              >
                Change verdict
              </button>
            )}
            <span className="status-control__by">
              Resolved by {annotation.resolvedBy?.name || 'Anonymous'}
              {annotation.resolvedAt && (
                <>
                  {' · '}
                  <TimeAgo iso={annotation.resolvedAt} now={now} />
                </>
              )}
            </span>
          </p>
        )
      )}
    </div>
  );
}
