import { LABEL_NAMES, LABELS, type Label } from '@factcheck/core';

/** How each label is drawn, in words, so the second cue is explained and not only the colour. */
const CUES: Record<Label, string> = {
  allegation: 'red, solid underline',
  denial: 'blue, double underline',
  rumour: 'amber, dotted line above',
};

/** The key to the highlights: a sample of each label's highlight with its name and cues. */
export function Legend() {
  return (
    <dl className="legend" data-testid="legend" aria-label="Highlight legend">
      {LABELS.map((label) => (
        <div key={label} className="legend__item">
          <dt>
            <span className={`hl hl--${label}`}>{LABEL_NAMES[label]}</span>
          </dt>
          <dd className="legend__cue">{CUES[label]}</dd>
        </div>
      ))}
    </dl>
  );
}
