import type { Role } from './session-token.js';

/** What the interface offers a role; the server enforces the same rules on every change. */
export interface Abilities {
  /** Tag, relabel, comment, add evidence. */
  readonly annotate: boolean;
  /** Change the article text and details (edit mode). */
  readonly edit: boolean;
  /** Settle disputes, resolve tags, start and reveal blind reviews. */
  readonly manage: boolean;
}

/** Open mode (no role): everyone may do everything. */
export function abilitiesOf(role: Role | null): Abilities {
  if (role === null || role === 'lead') return { annotate: true, edit: true, manage: true };
  return { annotate: role !== 'viewer', edit: role === 'editor', manage: false };
}
