import { splitAuthors } from '@factcheck/core';

/** How article metadata reads on screen: dates, languages, source addresses and bylines. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar date of a `publishedAt` value (`YYYY-MM-DD` or an ISO date-time), or null. */
export function calendarDate(publishedAt: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/u.exec(publishedAt.trim());
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const date = new Date(time);
  // Rejects 2019-02-31 and the like, which Date would roll over.
  if (date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** A publication date as people write it ("12 Apr 2019"); other text is shown as it is. */
export function formatPublished(publishedAt: string): string {
  const date = calendarDate(publishedAt);
  if (!date) return publishedAt.trim();
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

let languageNames: Intl.DisplayNames | null = null;

/** A language code's English name ("ur" → "Urdu"), or the code when it has none. */
export function languageName(code: string): string {
  const trimmed = code.trim();
  if (!trimmed) return '';
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return languageNames.of(trimmed) ?? trimmed;
  } catch {
    return trimmed;
  }
}

/** The host of a source address without `www.` ("dawn.com"), or the address when it is not one. */
export function sourceHost(sourceUrl: string): string {
  try {
    return new URL(sourceUrl).hostname.replace(/^www\./u, '');
  } catch {
    return sourceUrl;
  }
}

/** A byline from the `authors` field ("Sana Malik and Omar Butt", "A, B and C"). */
export function byline(authors: string): string {
  const names = splitAuthors(authors);
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
