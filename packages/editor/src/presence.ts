import type { Awareness } from 'y-protocols/awareness';
import { yCursorPlugin } from 'y-prosemirror';
import type { Plugin } from 'prosemirror-state';

/** What each reviewer publishes about themselves in awareness under `user`. */
export interface PresenceUser {
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`. */
  readonly color: string;
}

/** A remote caret with the reviewer's name above it (text only, never HTML). */
function buildCursor(user: PresenceUser): HTMLElement {
  const cursor = document.createElement('span');
  cursor.className = 'fc-cursor';
  cursor.style.borderColor = user.color;
  const label = document.createElement('span');
  label.className = 'fc-cursor__name';
  label.style.backgroundColor = user.color;
  label.textContent = user.name || 'Anonymous';
  cursor.append('\u2060', label, '\u2060');
  return cursor;
}

/** Shows other reviewers' cursors and selections, coloured per reviewer. */
export function presencePlugin(awareness: Awareness): Plugin {
  return yCursorPlugin(awareness, {
    cursorBuilder: (user: PresenceUser) => buildCursor(user),
    selectionBuilder: (user: PresenceUser) => ({
      class: 'fc-remote-selection',
      style: `background-color: ${user.color}40`,
    }),
  });
}

/** A stable colour for a reviewer id, from a palette readable on white. */
export function colorForReviewer(id: string): string {
  // Dark enough for white name labels (contrast ≥ 4.5:1 on each).
  const palette = [
    '#1d4ed8',
    '#b91c1c',
    '#15803d',
    '#7e22ce',
    '#a16207',
    '#be185d',
    '#0f766e',
    '#4d7c0f',
    '#c2410c',
  ];
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return palette[Math.abs(hash) % palette.length];
}
