import { parse as parseYaml } from 'yaml';
import type { ImportedMeta } from './imported-article.js';
import { cleanDate, cleanLanguage, cleanTitle, cleanUrl, cleanValue, joinAuthors } from './meta-values.js';

/**
 * YAML front matter of a Markdown file (`---` lines around YAML at the very top), read into
 * metadata with the names blogs and static site generators use.
 */

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

function pick(data: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = data[key] ?? data[key.toLowerCase()];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'object' && item ? (item as { name?: unknown }).name : item));
  if (typeof value === 'object' && value) return [(value as { name?: unknown }).name];
  return typeof value === 'string' ? value.split(/\s*;\s*/u) : [value];
}

/** The Markdown body and its front matter metadata; a file without (valid) front matter is all body. */
export function splitFrontMatter(markdown: string): { body: string; meta: ImportedMeta } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { body: markdown, meta: {} };
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch {
    // Not YAML after all (two horizontal rules?): keep every line as Markdown.
    return { body: markdown, meta: {} };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { body: markdown, meta: {} };
  const fields = data as Record<string, unknown>;
  return {
    body: markdown.slice(match[0].length),
    meta: {
      title: cleanTitle(pick(fields, ['title', 'headline'])),
      sourceUrl: cleanUrl(
        pick(fields, ['sourceUrl', 'source_url', 'source', 'url', 'link', 'canonical_url', 'canonical']),
      ),
      outlet: cleanValue(
        pick(fields, ['outlet', 'publication', 'publisher', 'site', 'site_name', 'siteName']),
      ),
      authors: joinAuthors(asList(pick(fields, ['authors', 'author', 'byline', 'creator']))),
      publishedAt: cleanDate(
        pick(fields, ['publishedAt', 'published_at', 'published', 'date', 'pubDate', 'created']),
      ),
      language: cleanLanguage(pick(fields, ['language', 'lang', 'locale'])),
      description: cleanValue(pick(fields, ['description', 'summary', 'excerpt'])),
    },
  };
}
