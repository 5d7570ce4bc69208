import type { Reviewer } from '@factcheck/core';
import type { PlacedTag } from '@factcheck/editor';

/** Every reviewer who has tags in the article, by name (the newest name seen for each id). */
export function authorsOf(tags: readonly PlacedTag[]): Reviewer[] {
  const byId = new Map<string, { name: string; at: string }>();
  for (const { annotation } of tags) {
    const seen = byId.get(annotation.author.id);
    if (!seen || annotation.createdAt > seen.at) {
      byId.set(annotation.author.id, { name: annotation.author.name, at: annotation.createdAt });
    }
  }
  return [...byId.entries()]
    .map(([id, { name }]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
