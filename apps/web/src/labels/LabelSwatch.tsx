import type { Label } from '@factcheck/core';

/** A small sample of a label's highlight: its tint and its line style (decorative; pair it with the name). */
export function LabelSwatch({ label }: { readonly label: Label }) {
  return <span className={`swatch swatch--${label}`} aria-hidden="true" />;
}
