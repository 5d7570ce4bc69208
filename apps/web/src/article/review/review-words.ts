import type { DisputeReason } from '@factcheck/core';

/** Why a passage is disputed, in words. */
export const DISPUTE_REASON_TEXT: Readonly<Record<DisputeReason, string>> = {
  'labels-differ': 'Reviewers chose different labels',
  'boundaries-differ': 'Reviewers marked different stretches of text',
  'marked-disputed': 'A reviewer marked a tag as disputed',
};

/** A reading of Krippendorff's alpha, after Krippendorff's own thresholds (0.8 and 0.667). */
export function readAlpha(alpha: number): { level: 'good' | 'tentative' | 'low'; text: string } {
  if (alpha >= 0.8) return { level: 'good', text: 'Good: the team labels this article consistently.' };
  if (alpha >= 0.667) {
    return {
      level: 'tentative',
      text: 'Tentative: agreement is fair, but only good enough for tentative conclusions.',
    };
  }
  return {
    level: 'low',
    text: 'Low: reviewers often label the same text differently, or tag different text.',
  };
}

/** A word for Cohen's kappa, after Landis and Koch (1977). */
export function readKappa(kappa: number): string {
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** An agreement figure with two decimals and a true minus sign. */
export function formatFigure(value: number): string {
  return value.toFixed(2).replace(/^-/u, '−');
}
