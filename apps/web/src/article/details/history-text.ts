import { isLabel, LABEL_NAMES, type HistoryEntry } from '@factcheck/core';

/** A label name for a stored label value, or the value itself. */
function labelName(value: string): string {
  return isLabel(value) ? LABEL_NAMES[value] : value;
}

const DECISIONS: Record<string, string> = {
  accept: 'decided the passage by accepting one tag',
  merge: 'decided the passage by merging its tags',
  dismiss: 'dismissed the dispute over the passage',
};

/**
 * What a history entry says, in words ("changed the label: Allegation → Denial"). `quoteOf`
 * names another tag by its quote, for links, which the history records by id.
 */
export function describeHistoryEntry(
  entry: HistoryEntry,
  quoteOf: (id: string) => string | null,
  adjudicated = false,
): string {
  const { detail } = entry;
  switch (entry.action) {
    case 'created':
      return adjudicated ? `decided it as ${labelName(detail)}` : `tagged it as ${labelName(detail)}`;
    case 'label': {
      const [from, to] = detail.split(' → ');
      return to ? `changed the label: ${labelName(from)} → ${labelName(to)}` : `changed the label: ${detail}`;
    }
    case 'span':
      return detail ? `moved its boundaries: ${detail}` : 'moved its boundaries';
    case 'status':
      if (detail.startsWith('resolved')) {
        const verdict = detail.slice('resolved'.length).replace(/^:\s*/u, '');
        return verdict ? `resolved it: ${verdict}` : 'resolved it';
      }
      return `set the status to ${detail}`;
    case 'claimant':
    case 'subject':
      return detail === '(cleared)'
        ? `cleared the ${entry.action}`
        : `set the ${entry.action} to “${detail}”`;
    case 'thread':
      return detail;
    case 'evidence':
      return detail.startsWith('removed ')
        ? `removed evidence ${detail.slice(8)}`
        : `added evidence (${detail})`;
    case 'link': {
      const match = /^(responds to|no longer responds to) (.+)$/u.exec(detail);
      if (!match) return detail;
      const quote = quoteOf(match[2]);
      const target = quote ? `“${quote}”` : 'a tag no longer in the article';
      return match[1] === 'responds to' ? `linked it as answering ${target}` : `unlinked it from ${target}`;
    }
    case 'adjudication':
      return DECISIONS[detail] ?? `decision: ${detail}`;
    default:
      return detail;
  }
}
