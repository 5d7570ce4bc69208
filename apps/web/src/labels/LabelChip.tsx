import { LABEL_NAMES, type Label } from '@factcheck/core';
import { LabelSwatch } from './LabelSwatch.js';

/** A label's swatch and name, as shown in lists. */
export function LabelChip({ label }: { readonly label: Label }) {
  return (
    <span className={`label-chip label-chip--${label}`}>
      <LabelSwatch label={label} />
      {LABEL_NAMES[label]}
    </span>
  );
}
