import { useCallback, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { claimNamesInUse, readTagDetails, type Reviewer } from '@factcheck/core';
import type { PlacedTag } from '@factcheck/editor';
import { LabelChip } from '../../labels/LabelChip.js';
import { TimeAgo } from '../../time/TimeAgo.js';
import { useNow } from '../../time/useNow.js';
import { useSharedValue } from '../shared/useSharedValue.js';
import { readResponseLinks } from '../tags/response-links.js';
import { ReviewBadges } from '../tags/ReviewBadges.js';
import { describeTagStatus, truncateQuote } from '../tags/tag-status.js';
import type { TaggingWrite } from '../tags/tagging-transaction.js';
import { ClaimFields } from './ClaimFields.js';
import { EvidenceSection } from './EvidenceSection.js';
import { HistoryList } from './HistoryList.js';
import { hasResponseLinks, ResponseLinks } from './ResponseLinks.js';
import { StatusControl } from './StatusControl.js';
import { ThreadSection } from './ThreadSection.js';

/** Props of the tag details panel. */
export interface TagDetailsPanelProps {
  readonly tag: PlacedTag;
  /** Every tag of the article, in document order. */
  readonly tags: readonly PlacedTag[];
  readonly ydoc: Y.Doc;
  readonly reviewer: Reviewer;
  readonly write: TaggingWrite;
  /** Where "Back" returns to, e.g. "tags" or "review". */
  readonly backTo: string;
  readonly onBack: () => void;
  readonly onGoToTag: (tag: PlacedTag) => void;
  readonly onOpenDetails: (id: string) => void;
}

/**
 * Everything about one tag, in the sidebar: its status and verdict, claimant and subject, the
 * discussion, evidence, links to other tags, and its history. Every change is shared live.
 */
export function TagDetailsPanel({
  tag,
  tags,
  ydoc,
  reviewer,
  write,
  backTo,
  onBack,
  onGoToTag,
  onOpenDetails,
}: TagDetailsPanelProps) {
  const { annotation } = tag;
  const id = annotation.id;
  const headingId = useId();
  const backRef = useRef<HTMLButtonElement>(null);
  const now = useNow();
  // Keyboard users land in the panel that just opened (the control that opened it may be gone).
  useEffect(() => backRef.current?.focus({ preventScroll: true }), []);
  const readDetails = useCallback((doc: Y.Doc) => readTagDetails(doc, id), [id]);
  const details = useSharedValue(ydoc, readDetails);
  const names = useSharedValue(ydoc, claimNamesInUse);
  const links = useSharedValue(ydoc, readResponseLinks);
  const quotes = useMemo(
    () => new Map(tags.map((other) => [other.annotation.id, truncateQuote(other.annotation.quote, 60)])),
    [tags],
  );
  const quoteOf = useCallback((other: string) => quotes.get(other) ?? null, [quotes]);
  const anchorStatus = describeTagStatus(tag.status);
  const comments = details?.thread.filter((entry) => !entry.deleted).length ?? 0;

  return (
    <section
      className="details-panel"
      data-testid="tag-details-panel"
      data-tag-id={id}
      aria-labelledby={headingId}
    >
      <div className="details-panel__bar">
        <button ref={backRef} type="button" className="link-button details-panel__back" onClick={onBack}>
          <span aria-hidden="true">←</span> Back to {backTo}
        </button>
      </div>
      <header className="details-panel__head">
        <h2 className="details-panel__title" id={headingId}>
          <LabelChip label={annotation.label} />
          <span className="visually-hidden"> tag details</span>
        </h2>
        <div className="details-panel__badges">
          <ReviewBadges annotation={annotation} />
          {anchorStatus && (
            <span className={`status-badge status-badge--${tag.status}`} title={anchorStatus.long}>
              {anchorStatus.short}
            </span>
          )}
        </div>
        <button
          type="button"
          className="details-panel__quote"
          disabled={tag.from === null}
          title={tag.from === null ? 'The tagged text was deleted' : 'Show in the article'}
          onClick={() => onGoToTag(tag)}
        >
          “{truncateQuote(annotation.quote, 280)}”
        </button>
        <p className="details-panel__meta">
          <span className="details-panel__author">{annotation.author.name || 'Anonymous'}</span>
          {' · '}
          <TimeAgo iso={annotation.createdAt} now={now} />
        </p>
      </header>

      <DetailsSection title="Review">
        <StatusControl annotation={annotation} reviewer={reviewer} now={now} write={write} />
        <ClaimFields annotation={annotation} reviewer={reviewer} names={names} write={write} />
      </DetailsSection>
      <DetailsSection title="Discussion" count={comments}>
        <ThreadSection
          tagId={id}
          thread={details?.thread ?? []}
          reviewer={reviewer}
          now={now}
          write={write}
        />
      </DetailsSection>
      <DetailsSection title="Evidence" count={details?.evidence.length ?? 0}>
        <EvidenceSection
          tagId={id}
          evidence={details?.evidence ?? []}
          reviewer={reviewer}
          now={now}
          write={write}
        />
      </DetailsSection>
      {hasResponseLinks(tag, links) && (
        <DetailsSection title="Responses">
          <ResponseLinks
            tag={tag}
            tags={tags}
            links={links}
            reviewer={reviewer}
            write={write}
            onOpenDetails={onOpenDetails}
          />
        </DetailsSection>
      )}
      <DetailsSection title="History" count={details?.history.length ?? 0}>
        <HistoryList
          history={details?.history ?? []}
          adjudicated={Boolean(annotation.adjudicated)}
          now={now}
          quoteOf={quoteOf}
        />
      </DetailsSection>
    </section>
  );
}

function DetailsSection({
  title,
  count,
  children,
}: {
  readonly title: string;
  readonly count?: number;
  readonly children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="details-section" aria-labelledby={headingId}>
      <h3 className="details-section__title" id={headingId}>
        {title}
        {count !== undefined && count > 0 && <span className="sidebar__count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}
