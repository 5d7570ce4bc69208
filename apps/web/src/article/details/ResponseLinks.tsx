import { useId, type ReactNode } from 'react';
import { LABEL_NAMES, setResponseLink, type Reviewer } from '@factcheck/core';
import type { PlacedTag } from '@factcheck/editor';
import { LabelSwatch } from '../../labels/LabelSwatch.js';
import type { ResponseLinks as Links } from '../tags/response-links.js';
import { truncateQuote } from '../tags/tag-status.js';
import type { TaggingWrite } from '../tags/tagging-transaction.js';

/** Props of the links between tags. */
export interface ResponseLinksProps {
  readonly tag: PlacedTag;
  /** Every tag of the article, in document order. */
  readonly tags: readonly PlacedTag[];
  readonly links: Links;
  readonly reviewer: Reviewer;
  readonly write: TaggingWrite;
  readonly onOpenDetails: (id: string) => void;
}

/** Whether the section has anything to show or offer for this tag. */
export function hasResponseLinks(tag: PlacedTag, links: Links): boolean {
  const id = tag.annotation.id;
  return (
    tag.annotation.label !== 'rumour' ||
    (links.respondsTo.get(id)?.length ?? 0) > 0 ||
    (links.answeredBy.get(id)?.length ?? 0) > 0
  );
}

/**
 * "Responds to": a denial picks the allegations it answers from a list of the article's
 * allegations; every tag shows the links both ways, and a link opens the other tag's details.
 */
export function ResponseLinks({ tag, tags, links, reviewer, write, onOpenDetails }: ResponseLinksProps) {
  const selectId = useId();
  const id = tag.annotation.id;
  const byId = new Map(tags.map((other) => [other.annotation.id, other]));
  const respondsTo = (links.respondsTo.get(id) ?? []).flatMap((target) => byId.get(target) ?? []);
  const answeredBy = (links.answeredBy.get(id) ?? []).flatMap((source) => byId.get(source) ?? []);
  const linked = new Set(respondsTo.map((other) => other.annotation.id));
  const isDenial = tag.annotation.label === 'denial';
  const candidates = isDenial
    ? tags.filter(
        (other) =>
          other.annotation.label === 'allegation' &&
          other.annotation.id !== id &&
          !linked.has(other.annotation.id),
      )
    : [];
  const link = (targetId: string, on: boolean) =>
    write((doc) => setResponseLink(doc, id, targetId, on, reviewer));

  return (
    <div className="response-links">
      {respondsTo.length > 0 && (
        <div className="response-links__group">
          <span className="details-field__label">Responds to</span>
          <ul className="linked-tags" data-testid="responds-to-list">
            {respondsTo.map((other) => (
              <LinkedTag key={other.annotation.id} tag={other} onOpen={onOpenDetails}>
                <button
                  type="button"
                  className="close-button close-button--small"
                  aria-label={`Unlink “${truncateQuote(other.annotation.quote, 40)}”`}
                  title="Remove the link"
                  onClick={() => link(other.annotation.id, false)}
                >
                  ×
                </button>
              </LinkedTag>
            ))}
          </ul>
        </div>
      )}
      {isDenial && (
        <div className="details-field">
          <label htmlFor={selectId} className="details-field__label">
            {respondsTo.length > 0 ? 'Also responds to' : 'Responds to'}
          </label>
          <select
            id={selectId}
            className="details-select"
            data-testid="responds-to-select"
            value=""
            disabled={candidates.length === 0}
            onChange={(event) => event.target.value && link(event.target.value, true)}
          >
            <option value="">
              {candidates.length === 0
                ? 'No other allegation in this article'
                : 'Pick the allegation it answers…'}
            </option>
            {candidates.map((other) => (
              <option key={other.annotation.id} value={other.annotation.id}>
                “{truncateQuote(other.annotation.quote, 70)}” — {other.annotation.author.name || 'Anonymous'}
                {other.status === 'orphaned' ? ' (text deleted)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {answeredBy.length > 0 ? (
        <div className="response-links__group">
          <span className="details-field__label">Answered by</span>
          <ul className="linked-tags" data-testid="answered-by-list">
            {answeredBy.map((other) => (
              <LinkedTag key={other.annotation.id} tag={other} onOpen={onOpenDetails} />
            ))}
          </ul>
        </div>
      ) : (
        tag.annotation.label === 'allegation' && (
          <p className="details-empty">
            No denial answers this allegation yet. Link one from the denial’s details.
          </p>
        )
      )}
    </div>
  );
}

function LinkedTag({
  tag,
  onOpen,
  children,
}: {
  readonly tag: PlacedTag;
  readonly onOpen: (id: string) => void;
  readonly children?: ReactNode;
}) {
  const { annotation } = tag;
  return (
    <li className="linked-tag">
      <button
        type="button"
        className="linked-tag__open"
        title={`Open this ${LABEL_NAMES[annotation.label]}’s details`}
        onClick={() => onOpen(annotation.id)}
      >
        <LabelSwatch label={annotation.label} />
        <span className="linked-tag__quote">“{truncateQuote(annotation.quote, 90)}”</span>
        <span className="linked-tag__author">{annotation.author.name || 'Anonymous'}</span>
      </button>
      {children}
    </li>
  );
}
