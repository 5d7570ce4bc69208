import { LABEL_NAMES, LABELS, type Label } from '@factcheck/core';
import { LabelSwatch } from '../labels/LabelSwatch.js';

/** An article's number of tags per label, each with its swatch and name. */
export function LabelCounts({ counts }: { readonly counts: Record<Label, number> }) {
  return (
    <ul className="label-counts">
      {LABELS.map((label) => (
        <li
          key={label}
          title={`${LABEL_NAMES[label]}: ${counts[label] ?? 0}`}
          className={`label-counts__item${counts[label] === 0 ? ' label-counts__item--zero' : ''}`}
        >
          <LabelSwatch label={label} />
          <span className="label-counts__name">{LABEL_NAMES[label]}</span>
          <span className="label-counts__number" data-testid={`count-${label}`}>
            {counts[label] ?? 0}
          </span>
        </li>
      ))}
    </ul>
  );
}
