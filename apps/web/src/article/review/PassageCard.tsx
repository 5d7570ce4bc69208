import { useState } from 'react';
import type * as Y from 'yjs';
import { LABEL_NAMES, type Label, type ReviewPassage } from '@factcheck/core';
import { colorForReviewer, type PlacedTag } from '@factcheck/editor';
import { LabelChip } from '../../labels/LabelChip.js';
import { TimeAgo } from '../../time/TimeAgo.js';
import { describeCommentCount } from '../tags/comment-counts.js';
import { ReviewBadges } from '../tags/ReviewBadges.js';
import { truncateQuote } from '../tags/tag-status.js';
import type { BoundsChoice } from './merge-bounds.js';
import { MergeForm } from './MergeForm.js';
import type { PassageDecision } from './passage-decisions.js';
import { DISPUTE_REASON_TEXT } from './review-words.js';

/** What a lead can do with a passage. */
export interface PassageActions {
  readonly onSelect: (tags: readonly PlacedTag[]) => void;
  readonly onOpenDetails: (id: string) => void;
  readonly onAccept: (passage: ReviewPassage, tag: PlacedTag) => void;
  readonly onMerge: (
    passage: ReviewPassage,
    tags: readonly PlacedTag[],
    label: Label,
    bounds: BoundsChoice,
  ) => void;
  readonly onDismiss: (passage: ReviewPassage) => void;
  /** Whether this reviewer may decide passages (leads; everyone in open mode). */
  readonly canDecide: boolean;
}

/** Props of one disputed passage. */
export interface PassageCardProps {
  readonly passage: ReviewPassage;
  /** The passage's tags as placed in the editor, in text order. */
  readonly tags: readonly PlacedTag[];
  readonly decision: PassageDecision;
  /** The decided tag, when the decision made one. */
  readonly result: PlacedTag | null;
  readonly comments: ReadonlyMap<string, number>;
  readonly ydoc: Y.Doc;
  /** Changes with every review, so the merge preview follows the text. */
  readonly version: unknown;
  readonly now: number;
  readonly actions: PassageActions;
}

const DECISION_VERBS = { accept: 'Accepted', merge: 'Merged', dismiss: 'Dismissed' } as const;

/**
 * A disputed passage: its text (click to select it in the article), why it is disputed, each
 * reviewer's tag side by side with its discussion, and accept, merge or dismiss. A decided
 * passage shows the decision, who made it and when.
 */
export function PassageCard({
  passage,
  tags,
  decision,
  result,
  comments,
  ydoc,
  version,
  now,
  actions,
}: PassageCardProps) {
  const [merging, setMerging] = useState(false);
  const [reconsidering, setReconsidering] = useState(false);
  const decided = decision.state === 'decided';
  const showActions = actions.canDecide && (!decided || reconsidering);
  const boundariesDiffer = passage.reasons.includes('boundaries-differ');
  const totalComments = tags.reduce((sum, tag) => sum + (comments.get(tag.annotation.id) ?? 0), 0);

  return (
    <li
      className={`passage${decided ? ' passage--decided' : ''}`}
      data-testid="disputed-passage"
      data-start={passage.start}
      data-end={passage.end}
      data-decided={decided || undefined}
    >
      <button
        type="button"
        className="passage__quote"
        title="Select this passage in the article"
        onClick={() => actions.onSelect(tags)}
      >
        “{truncateQuote(passage.quote, 220)}”
      </button>
      <p className="passage__reasons">
        {passage.reasons.map((reason) => DISPUTE_REASON_TEXT[reason]).join('. ')}.
        {totalComments > 0 && (
          <span className="passage__comments"> {describeCommentCount(totalComments)}.</span>
        )}
      </p>
      <ul className="passage__tags" aria-label="Reviewers’ tags">
        {tags.map((tag) => {
          const { annotation } = tag;
          const count = comments.get(annotation.id) ?? 0;
          return (
            <li key={annotation.id} className="passage-tag" data-tag-id={annotation.id}>
              <span className="passage-tag__main">
                <span className="passage-tag__who">
                  <span
                    className="passage-tag__dot"
                    style={{ backgroundColor: colorForReviewer(annotation.author.id) }}
                    aria-hidden="true"
                  />
                  {annotation.author.name || 'Anonymous'}
                </span>
                <span
                  className="passage-tag__label"
                  data-testid="passage-label"
                  data-label={annotation.label}
                >
                  <LabelChip label={annotation.label} />
                  <ReviewBadges annotation={annotation} />
                </span>
              </span>
              <span className="passage-tag__actions">
                <button
                  type="button"
                  className="link-button passage-tag__discuss"
                  data-testid="passage-tag-details"
                  title="Open this tag’s details and discussion"
                  onClick={() => actions.onOpenDetails(annotation.id)}
                >
                  {count > 0 ? describeCommentCount(count) : 'Discuss'}
                </button>
                {showActions && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="accept-tag"
                    data-tag-id={annotation.id}
                    title={`Settle the passage with ${annotation.author.name || 'this reviewer'}’s ${LABEL_NAMES[annotation.label]} tag`}
                    onClick={() => {
                      setReconsidering(false);
                      actions.onAccept(passage, tag);
                    }}
                  >
                    Accept
                  </button>
                )}
              </span>
              {boundariesDiffer && annotation.quote !== passage.quote && (
                <span className="passage-tag__quote">“{truncateQuote(annotation.quote, 120)}”</span>
              )}
            </li>
          );
        })}
      </ul>
      {decision.state !== 'open' && (
        <p
          className={`passage__decision passage__decision--${decision.state}`}
          data-testid="passage-decision"
          data-kind={decision.decision.kind}
        >
          {decision.state === 'reopened' && 'Reopened: tags were added after this decision. '}
          <span aria-hidden="true">{decision.state === 'decided' ? '✓ ' : ''}</span>
          {DECISION_VERBS[decision.decision.kind]}
          {result && decision.decision.kind !== 'dismiss' && (
            <>
              {' as '}
              <button
                type="button"
                className="link-button"
                title="Show the decided tag in the article"
                onClick={() => actions.onSelect([result])}
              >
                {LABEL_NAMES[result.annotation.label]}
              </button>
            </>
          )}
          {' by '}
          <strong>{decision.decision.decidedBy.name || 'Anonymous'}</strong>
          {' · '}
          <TimeAgo iso={decision.decision.decidedAt} now={now} />
          {decided && !reconsidering && actions.canDecide && (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={() => setReconsidering(true)}>
                Reconsider
              </button>
            </>
          )}
        </p>
      )}
      {showActions &&
        (merging ? (
          <MergeForm
            ydoc={ydoc}
            tags={tags.map((tag) => tag.annotation)}
            version={version}
            onCancel={() => setMerging(false)}
            onMerge={(label, bounds) => {
              setMerging(false);
              setReconsidering(false);
              actions.onMerge(passage, tags, label, bounds);
            }}
          />
        ) : (
          <div className="passage__actions">
            <button
              type="button"
              className="button button--small"
              data-testid="merge-passage"
              onClick={() => setMerging(true)}
            >
              Merge…
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              data-testid="dismiss-passage"
              title="Keep every reviewer’s tag as it is"
              onClick={() => {
                setReconsidering(false);
                actions.onDismiss(passage);
              }}
            >
              Dismiss
            </button>
            {reconsidering && (
              <button type="button" className="link-button" onClick={() => setReconsidering(false)}>
                Cancel
              </button>
            )}
          </div>
        ))}
    </li>
  );
}
