/** The three tags a reviewer can put on a passage, in the order the toolbar and keys 1–3 offer them. */
export const LABELS = ['allegation', 'denial', 'rumour'] as const;

/** One of the three tag labels as stored in the shared document. */
export type Label = (typeof LABELS)[number];

/** What users read for each label. */
export const LABEL_NAMES: Readonly<Record<Label, string>> = {
  allegation: 'Allegation',
  denial: 'Denial',
  rumour: 'Unverified rumour',
};

/** Whether a value is one of the three labels. */
export function isLabel(value: unknown): value is Label {
  return typeof value === 'string' && (LABELS as readonly string[]).includes(value);
}

/** A zeroed count per label, for tallies. */
export function emptyLabelCounts(): Record<Label, number> {
  return { allegation: 0, denial: 0, rumour: 0 };
}
