import { formatExactTime, formatRelativeTime } from './relative-time.js';

/** A relative time ("5 min. ago") with the exact date in its tooltip. */
export function TimeAgo({ iso, now }: { readonly iso: string; readonly now: number }) {
  return (
    <time dateTime={iso} title={formatExactTime(iso)}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}
