/** Short human times for tags: "3 min ago" with the exact date kept for a tooltip. */

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Formatting is slow next to a list of thousands of tags re-rendering: keep what was formatted. */
const CACHE_LIMIT = 10_000;
const exactTimes = new Map<string, string>();
const relativeTimes = new Map<string, string>();

function cached(cache: Map<string, string>, key: string, format: () => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    text = format();
    cache.set(key, text);
  }
  return text;
}

/** "just now", "5 min. ago", "yesterday"… for an ISO date relative to `now`. */
export function formatRelativeTime(iso: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      const value = Math.round(seconds / size);
      return cached(relativeTimes, `${value} ${unit}`, () => relativeFormat.format(value, unit));
    }
  }
  return 'just now';
}

/** The full local date and time of an ISO date. */
export function formatExactTime(iso: string): string {
  return cached(exactTimes, iso, () => {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : exactFormat.format(time);
  });
}
