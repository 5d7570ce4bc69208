import type { AnchorStatus } from '@factcheck/core';

/** What a tag's anchoring status means to a reviewer; null when there is nothing to say. */
export function describeTagStatus(status: AnchorStatus): { short: string; long: string } | null {
  switch (status) {
    case 'anchored':
      return null;
    case 'reanchored':
      return { short: 'Re-anchored', long: 'The text moved; the tag was found again from its quote.' };
    case 'drifted':
      return { short: 'Text changed', long: 'The tagged text was edited after tagging.' };
    case 'orphaned':
      return {
        short: 'Text deleted',
        long: 'The tagged text was deleted; the tag is no longer in the article.',
      };
  }
}

/** A quote shortened for lists, cut at a word boundary. */
export function truncateQuote(quote: string, maxLength = 160): string {
  const text = quote.replace(/\s+/gu, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > maxLength * 0.6 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
