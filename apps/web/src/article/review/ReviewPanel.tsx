import { useRoute } from '../../routing/router.js';
import { BlindReviewControl } from './BlindReviewControl.js';
import { useBlindReview } from './useBlindReview.js';
import { useReviewer } from '../../reviewer/ReviewerContext.js';
import { useCallback, useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import {
  LABEL_NAMES,
  type ArticleReview,
  type Label,
  type ReviewPassage,
  type Reviewer,
} from '@factcheck/core';
import type { PlacedTag } from '@factcheck/editor';
import { useNow } from '../../time/useNow.js';
import type { TaggingWrite } from '../tags/tagging-transaction.js';
import { AgreementSection } from './AgreementSection.js';
import type { BoundsChoice } from './merge-bounds.js';
import { PassageCard, type PassageActions } from './PassageCard.js';
import {
  acceptPassageTag,
  dismissPassageDispute,
  mergePassageTags,
  passageDecision,
  type PassageDecision,
} from './passage-decisions.js';
import { UnansweredBanner } from './UnansweredBanner.js';

/** Passages rendered at first; more on request, so a heavily disputed article stays responsive. */
const PAGE_SIZE = 40;

/** Props of the review panel. */
export interface ReviewPanelProps {
  /** Null while the first review is computed. */
  readonly review: ArticleReview | null;
  /** Every tag as placed in the editor. */
  readonly tags: readonly PlacedTag[];
  readonly comments: ReadonlyMap<string, number>;
  readonly ydoc: Y.Doc;
  readonly reviewer: Reviewer;
  readonly write: TaggingWrite;
  readonly onSelectTags: (tags: readonly PlacedTag[]) => void;
  readonly onOpenDetails: (id: string) => void;
  readonly onMessage: (message: string) => void;
}

interface PassageRow {
  readonly key: string;
  readonly passage: ReviewPassage;
  readonly tags: readonly PlacedTag[];
  readonly decision: PassageDecision;
  readonly result: PlacedTag | null;
}

/**
 * The review of the article: allegations no denial answers, the disputed passages in text order,
 * each to accept, merge or dismiss (decided ones hidden unless "Show decided" is ticked), and how
 * far the reviewers agree.
 */
export function ReviewPanel({
  review,
  tags,
  comments,
  ydoc,
  reviewer,
  write,
  onSelectTags,
  onOpenDetails,
  onMessage,
}: ReviewPanelProps) {
  const headingId = useId();
  const now = useNow();
  const [showDecided, setShowDecided] = useState(false);
  const [limit, setLimit] = useState(PAGE_SIZE);

  const byId = useMemo(() => new Map(tags.map((tag) => [tag.annotation.id, tag])), [tags]);
  const rows = useMemo<PassageRow[]>(() => {
    if (!review) return [];
    const live = new Set(byId.keys());
    return review.passages
      .filter((passage) => passage.disputed)
      .map((passage) => {
        const decision = passageDecision(passage, live);
        const resultId = decision.state === 'open' ? undefined : decision.decision.resultId;
        return {
          key: passage.annotations.join(' '),
          passage,
          tags: passage.annotations.flatMap((id) => byId.get(id) ?? []),
          decision,
          result: (resultId && byId.get(resultId)) || null,
        };
      })
      .filter((row) => row.tags.length > 0);
  }, [review, byId]);
  const unanswered = useMemo(
    () =>
      (review?.unansweredAllegations ?? [])
        .flatMap((id) => byId.get(id) ?? [])
        .filter((tag) => tag.status !== 'orphaned')
        .sort((a, b) => (a.from ?? 0) - (b.from ?? 0)),
    [review, byId],
  );

  const decidedCount = rows.filter((row) => row.decision.state === 'decided').length;
  const openCount = rows.length - decidedCount;
  const shown = showDecided ? rows : rows.filter((row) => row.decision.state !== 'decided');

  const onAccept = useCallback(
    (passage: ReviewPassage, tag: PlacedTag) => {
      write((doc) => acceptPassageTag(doc, passage.annotations, tag.annotation, reviewer));
      onMessage(
        `Accepted ${tag.annotation.author.name || 'the reviewer'}’s ${LABEL_NAMES[tag.annotation.label]} tag.`,
      );
    },
    [write, reviewer, onMessage],
  );
  const onMerge = useCallback(
    (_passage: ReviewPassage, passageTags: readonly PlacedTag[], label: Label, bounds: BoundsChoice) => {
      let merged = false;
      write((doc) => {
        merged = mergePassageTags(
          doc,
          passageTags.map((tag) => tag.annotation),
          label,
          bounds,
          reviewer,
        );
      });
      onMessage(
        merged ? `Merged into one ${LABEL_NAMES[label]} tag.` : 'Those boundaries cover no text any more.',
      );
    },
    [write, reviewer, onMessage],
  );
  const onDismiss = useCallback(
    (passage: ReviewPassage) => {
      write((doc) => dismissPassageDispute(doc, passage.annotations, reviewer));
      onMessage('Dispute dismissed: every reviewer’s tag stays.');
    },
    [write, reviewer, onMessage],
  );
  const { abilities } = useReviewer();
  const blind = useBlindReview(ydoc);
  const route = useRoute();
  const blindControl = route.page === 'article' && (
    <BlindReviewControl articleId={route.articleId} ydoc={ydoc} onMessage={onMessage} />
  );
  const canDecide = abilities.manage;
  const actions = useMemo<PassageActions>(
    () => ({ onSelect: onSelectTags, onOpenDetails, onAccept, onMerge, onDismiss, canDecide }),
    [onSelectTags, onOpenDetails, onAccept, onMerge, onDismiss, canDecide],
  );

  if (blind.blind) {
    return (
      <div className="review-panel" data-testid="review-panel">
        {blindControl}
      </div>
    );
  }

  if (!review) {
    return (
      <div className="review-panel" data-testid="review-panel" aria-busy="true">
        <p className="sidebar__empty" role="status">
          <span className="spinner" aria-hidden="true" /> Comparing the reviewers’ tags…
        </p>
      </div>
    );
  }

  return (
    <div className="review-panel" data-testid="review-panel">
      {blindControl}
      <UnansweredBanner
        allegations={unanswered}
        onSelect={(tag) => onSelectTags([tag])}
        onOpenDetails={onOpenDetails}
      />
      <section className="review-section" aria-labelledby={headingId}>
        <div className="review-section__head">
          <h3 className="sidebar__heading" id={headingId}>
            Disputed passages <span className="sidebar__count">{openCount}</span>
          </h3>
          <label className="review-section__filter">
            <input
              type="checkbox"
              data-testid="show-decided"
              checked={showDecided}
              onChange={(event) => setShowDecided(event.target.checked)}
            />
            Show decided ({decidedCount})
          </label>
        </div>
        {shown.length > 0 ? (
          <ol className="passage-list" data-testid="passage-list">
            {shown.slice(0, limit).map((row) => (
              <PassageCard
                key={row.key}
                passage={row.passage}
                tags={row.tags}
                decision={row.decision}
                result={row.result}
                comments={comments}
                ydoc={ydoc}
                version={review}
                now={now}
                actions={actions}
              />
            ))}
          </ol>
        ) : (
          <p className="sidebar__empty">
            {rows.length === 0
              ? 'No disputed passages: wherever tags overlap, the reviewers agree.'
              : 'Every disputed passage is decided. Tick “Show decided” to see them.'}
          </p>
        )}
        {shown.length > limit && (
          <button type="button" className="button button--small" onClick={() => setLimit(limit + PAGE_SIZE)}>
            Show {Math.min(PAGE_SIZE, shown.length - limit)} more of {shown.length - limit}
          </button>
        )}
      </section>
      <AgreementSection review={review} selfId={reviewer.id} />
    </div>
  );
}
