import type { ArticleMeta, ArticleMetaField } from '@factcheck/core';
import { calendarDate } from './meta-format.js';

/**
 * Light checks of the metadata form, each with a message saying how to fix it. They catch typing
 * slips; the shared document accepts any string, and every reader copes with odd values.
 */

/** Longest value kept per field. */
export const META_MAX_LENGTH: Readonly<Record<ArticleMetaField, number>> = {
  title: 300,
  sourceUrl: 2000,
  outlet: 200,
  authors: 500,
  publishedAt: 40,
  language: 35,
};

/** What is wrong with each field that has a problem. */
export type MetaProblems = Partial<Record<ArticleMetaField, string>>;

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/iu;

function sourceProblem(value: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the full address, starting with https:// or http://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'Only web addresses (https:// or http://) can be a source.';
  }
  return undefined;
}

function dateProblem(value: string, today: Date): string | undefined {
  if (!value) return undefined;
  const date = calendarDate(value);
  if (!date) return 'Use a date such as 2019-04-12.';
  // A day of slack for time zones: the paper may already be out where it was published.
  if (Date.parse(`${date}T00:00:00Z`) > today.getTime() + 86_400_000) return 'The date is in the future.';
  return undefined;
}

function languageProblem(value: string): string | undefined {
  if (!value) return undefined;
  if (!LANGUAGE_TAG.test(value)) return 'Use a language code such as en, ur or en-GB.';
  try {
    Intl.getCanonicalLocales(value);
  } catch {
    return 'Use a language code such as en, ur or en-GB.';
  }
  return undefined;
}

/** The values as they will be saved: trimmed, inner runs of spaces collapsed, language codes in canonical case. */
export function cleanMeta(draft: ArticleMeta): ArticleMeta {
  const squeeze = (value: string) => value.replace(/\s+/gu, ' ').trim();
  let language = squeeze(draft.language);
  try {
    if (LANGUAGE_TAG.test(language)) language = Intl.getCanonicalLocales(language)[0] ?? language;
  } catch {
    // Reported by validateMeta.
  }
  return {
    title: squeeze(draft.title),
    sourceUrl: draft.sourceUrl.trim(),
    outlet: squeeze(draft.outlet),
    authors: squeeze(draft.authors)
      .replace(/\s*;\s*/gu, '; ')
      .replace(/;\s*$/u, ''),
    publishedAt: draft.publishedAt.trim(),
    language,
  };
}

/** What is wrong with a (cleaned) draft; empty when it can be saved. */
export function validateMeta(meta: ArticleMeta, today: Date = new Date()): MetaProblems {
  const problems: MetaProblems = {};
  if (!meta.title) problems.title = 'The article needs a title.';
  for (const [field, max] of Object.entries(META_MAX_LENGTH) as [ArticleMetaField, number][]) {
    if (meta[field].length > max) problems[field] = `Keep it under ${max} characters.`;
  }
  problems.sourceUrl ??= sourceProblem(meta.sourceUrl);
  problems.publishedAt ??= dateProblem(meta.publishedAt, today);
  problems.language ??= languageProblem(meta.language);
  for (const field of Object.keys(problems) as ArticleMetaField[]) {
    if (problems[field] === undefined) delete problems[field];
  }
  return problems;
}
