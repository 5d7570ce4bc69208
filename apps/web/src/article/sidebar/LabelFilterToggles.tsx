import { LABEL_NAMES, LABELS, type Label } from '@factcheck/core';
import { LabelSwatch } from '../../labels/LabelSwatch.js';

/** Props of the label toggles. */
export interface LabelFilterTogglesProps {
  readonly counts: Record<Label, number>;
  readonly shown: ReadonlySet<Label>;
  readonly onToggle: (label: Label) => void;
}

/** A count per label that doubles as a toggle showing or hiding that label's tags. */
export function LabelFilterToggles({ counts, shown, onToggle }: LabelFilterTogglesProps) {
  return (
    <div className="label-toggles" role="group" aria-label="Show tags by label">
      {LABELS.map((label) => (
        <button
          key={label}
          type="button"
          className={`label-toggle label-toggle--${label}`}
          data-testid={`filter-label-${label}`}
          aria-pressed={shown.has(label)}
          title={`${shown.has(label) ? 'Hide' : 'Show'} ${LABEL_NAMES[label]} tags`}
          onClick={() => onToggle(label)}
        >
          <LabelSwatch label={label} />
          <span className="label-toggle__name">{LABEL_NAMES[label]}</span>
          <span className="label-toggle__count" data-testid={`sidebar-count-${label}`}>
            {counts[label]}
          </span>
        </button>
      ))}
    </div>
  );
}
