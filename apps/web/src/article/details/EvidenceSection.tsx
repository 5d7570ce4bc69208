import { useId, useState, type FormEvent } from 'react';
import {
  addEvidence,
  EVIDENCE_STANCES,
  removeEvidence,
  type Evidence,
  type EvidenceStance,
  type Reviewer,
} from '@factcheck/core';
import { TimeAgo } from '../../time/TimeAgo.js';
import type { TaggingWrite } from '../tags/tagging-transaction.js';

const STANCE_NAMES: Record<EvidenceStance, string> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};

/** Props of the evidence list. */
export interface EvidenceSectionProps {
  readonly tagId: string;
  readonly evidence: readonly Evidence[];
  readonly reviewer: Reviewer;
  readonly now: number;
  readonly write: TaggingWrite;
}

/** Only http(s) links become clickable: the shared document could hold anything a peer wrote. */
function isWebLink(url: string): boolean {
  return /^https?:\/\//iu.test(url);
}

/** A link shown short: host and path, without the scheme. */
function shortLink(url: string): string {
  try {
    const parsed = new URL(url);
    const path = `${parsed.pathname}${parsed.search}`.replace(/\/$/u, '');
    const text = `${parsed.host.replace(/^www\./u, '')}${path}`;
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  } catch {
    return url;
  }
}

/** A tag's evidence: links with a stance and a note, a form to add one, and removing them. */
export function EvidenceSection({ tagId, evidence, reviewer, now, write }: EvidenceSectionProps) {
  const formId = useId();
  const [url, setUrl] = useState('');
  const [stance, setStance] = useState<EvidenceStance>('refutes');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isWebLink(url.trim())) {
      setError('Enter a link starting with http:// or https://');
      return;
    }
    write((doc) => addEvidence(doc, tagId, { author: reviewer, url, stance, note }));
    setUrl('');
    setNote('');
    setError(null);
  };

  return (
    <div className="evidence">
      {evidence.length > 0 ? (
        <ul className="evidence__list">
          {evidence.map((item) => (
            <li key={item.id} className="evidence-item" data-testid="evidence-item">
              <div className="evidence-item__head">
                <span className={`stance-chip stance-chip--${item.stance}`}>{STANCE_NAMES[item.stance]}</span>
                {isWebLink(item.url) ? (
                  <a
                    className="evidence-item__link"
                    href={item.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    title={item.url}
                  >
                    {shortLink(item.url)}
                  </a>
                ) : (
                  <span className="evidence-item__link">{item.url}</span>
                )}
              </div>
              {item.note && <p className="evidence-item__note">{item.note}</p>}
              <div className="evidence-item__meta">
                <span>
                  {item.author.name || 'Anonymous'} · <TimeAgo iso={item.createdAt} now={now} />
                </span>
                <button
                  type="button"
                  className="link-button link-button--danger"
                  aria-label={`Remove the evidence ${shortLink(item.url)}`}
                  onClick={() => write((doc) => removeEvidence(doc, tagId, item.id, reviewer))}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="details-empty">No evidence yet.</p>
      )}
      <form className="evidence-form" onSubmit={submit} aria-label="Add evidence" noValidate>
        <div className="evidence-form__row">
          <input
            className="details-input evidence-form__url"
            data-testid="evidence-url"
            type="url"
            inputMode="url"
            aria-label="Link to the evidence"
            aria-describedby={error ? `${formId}-error` : undefined}
            aria-invalid={error ? true : undefined}
            placeholder="https://…"
            value={url}
            maxLength={2_000}
            onChange={(event) => {
              setUrl(event.target.value);
              setError(null);
            }}
          />
          <select
            className="details-select"
            data-testid="evidence-stance"
            aria-label="Stance"
            value={stance}
            onChange={(event) => setStance(event.target.value as EvidenceStance)}
          >
            {EVIDENCE_STANCES.map((option) => (
              <option key={option} value={option}>
                {STANCE_NAMES[option]}
              </option>
            ))}
          </select>
        </div>
        <input
          className="details-input"
          data-testid="evidence-note"
          aria-label="Note on the evidence"
          placeholder="Short note (optional)"
          value={note}
          maxLength={2_000}
          onChange={(event) => setNote(event.target.value)}
        />
        {error && (
          <p className="details-error" id={`${formId}-error`} role="alert">
            {error}
          </p>
        )}
        <div className="details-form__actions">
          <button
            type="submit"
            className="button button--small"
            data-testid="evidence-submit"
            disabled={!url.trim()}
          >
            Add evidence
          </button>
        </div>
      </form>
    </div>
  );
}
