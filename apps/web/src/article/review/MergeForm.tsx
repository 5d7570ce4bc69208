import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { LABEL_NAMES, LABELS, type Annotation, type Label } from '@factcheck/core';
import { LabelSwatch } from '../../labels/LabelSwatch.js';
import { truncateQuote } from '../tags/tag-status.js';
import { currentSpans, rangeOf, sameChoice, type BoundsChoice } from './merge-bounds.js';

/** Props of the merge form. */
export interface MergeFormProps {
  readonly ydoc: Y.Doc;
  /** The passage's tags, in text order. */
  readonly tags: readonly Annotation[];
  /** Changes whenever the article changes, so the preview follows it. */
  readonly version: unknown;
  readonly onMerge: (label: Label, bounds: BoundsChoice) => void;
  readonly onCancel: () => void;
}

/** The label most of the passage's tags carry (the first tag's on a tie). */
function commonestLabel(tags: readonly Annotation[]): Label {
  const counts = new Map<Label, number>();
  for (const tag of tags) counts.set(tag.label, (counts.get(tag.label) ?? 0) + 1);
  let best = tags[0]?.label ?? 'allegation';
  for (const [label, count] of counts) if (count > (counts.get(best) ?? 0)) best = label;
  return best;
}

interface BoundsOption {
  readonly key: string;
  readonly choice: BoundsChoice;
  readonly title: string;
  readonly quote: string | null;
}

/**
 * Merging a passage into one decided tag: a label (three buttons) and boundaries (the text all
 * tags share, all the text they cover, or one tag's span), with the resulting quote shown.
 */
export function MergeForm({ ydoc, tags, version, onMerge, onCancel }: MergeFormProps) {
  const name = useId();
  const [label, setLabel] = useState<Label>(() => commonestLabel(tags));
  const options = useMemo<BoundsOption[]>(() => {
    void version;
    const { projection, spans } = currentSpans(ydoc, tags);
    const quoteFor = (choice: BoundsChoice) => {
      const range = rangeOf(choice, spans);
      return range ? projection.text.slice(range.from, range.to) : null;
    };
    const byAuthor = new Map<string, number>();
    for (const tag of tags) byAuthor.set(tag.author.id, (byAuthor.get(tag.author.id) ?? 0) + 1);
    const shared: BoundsOption[] = [
      { key: 'shortest', choice: { kind: 'shortest' }, title: 'Shortest common', quote: null },
      { key: 'longest', choice: { kind: 'longest' }, title: 'Longest', quote: null },
    ];
    const own = tags.map((tag): BoundsOption => {
      const who = tag.author.name || 'Anonymous';
      const several = (byAuthor.get(tag.author.id) ?? 0) > 1;
      return {
        key: `tag:${tag.id}`,
        choice: { kind: 'tag', id: tag.id },
        title: `${who}’s span${several ? ` (${LABEL_NAMES[tag.label]})` : ''}`,
        quote: null,
      };
    });
    return [...shared, ...own].map((option) => ({ ...option, quote: quoteFor(option.choice) }));
  }, [ydoc, tags, version]);
  const [chosen, setChosen] = useState<BoundsChoice>(() =>
    options[0].quote !== null ? { kind: 'shortest' } : { kind: 'longest' },
  );
  const selected = options.find((option) => sameChoice(option.choice, chosen));
  const preview = selected?.quote ?? null;

  return (
    <div className="merge-form" role="group" aria-label="Merge into one decided tag" data-testid="merge-form">
      <div className="merge-form__field">
        <span className="details-field__label" id={`${name}-label`}>
          Label
        </span>
        <div className="segmented merge-form__labels" role="group" aria-labelledby={`${name}-label`}>
          {LABELS.map((option) => (
            <button
              key={option}
              type="button"
              className={`segmented__option segmented__option--${option}`}
              aria-pressed={label === option}
              data-testid={`merge-label-${option}`}
              onClick={() => setLabel(option)}
            >
              <LabelSwatch label={option} />
              {option === 'rumour' ? 'Rumour' : LABEL_NAMES[option]}
            </button>
          ))}
        </div>
      </div>
      <fieldset className="merge-form__field merge-form__bounds">
        <legend className="details-field__label">Boundaries</legend>
        {options.map((option) => (
          <label
            key={option.key}
            className={`merge-form__bound${option.quote === null ? ' merge-form__bound--empty' : ''}`}
          >
            <input
              type="radio"
              name={name}
              data-testid={`merge-bounds-${option.choice.kind}`}
              data-tag-id={option.choice.kind === 'tag' ? option.choice.id : undefined}
              checked={sameChoice(option.choice, chosen)}
              disabled={option.quote === null}
              onChange={() => setChosen(option.choice)}
            />
            <span>{option.title}</span>
            {option.quote === null && <span className="merge-form__none"> — no common text</span>}
          </label>
        ))}
      </fieldset>
      <p className="merge-form__preview" aria-live="polite">
        {preview === null ? (
          'These boundaries cover no text.'
        ) : (
          <>
            <LabelSwatch label={label} /> “{truncateQuote(preview, 200)}”
          </>
        )}
      </p>
      <div className="details-form__actions">
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary button--small"
          data-testid="merge-confirm"
          disabled={preview === null}
          onClick={() => onMerge(label, chosen)}
        >
          Merge as {LABEL_NAMES[label]}
        </button>
      </div>
    </div>
  );
}
