import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '@factcheck/editor';

/** A reviewer connected to the article, once even when they have it open in several tabs. */
export interface PresentReviewer extends PresenceUser {
  readonly isSelf: boolean;
}

function isPresenceUser(value: unknown): value is PresenceUser {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, color } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof color === 'string';
}

function readPresence(awareness: Awareness): PresentReviewer[] {
  const byId = new Map<string, PresentReviewer>();
  awareness.getStates().forEach((state, clientId) => {
    const user: unknown = state.user;
    if (!isPresenceUser(user)) return;
    const isSelf = clientId === awareness.clientID || byId.get(user.id)?.isSelf === true;
    byId.set(user.id, { id: user.id, name: user.name, color: user.color, isSelf });
  });
  return [...byId.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

function samePresence(a: readonly PresentReviewer[], b: readonly PresentReviewer[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (user, i) =>
        user.id === b[i].id &&
        user.name === b[i].name &&
        user.color === b[i].color &&
        user.isSelf === b[i].isSelf,
    )
  );
}

/** The reviewers connected to the article right now, yourself first. */
export function usePresence(awareness: Awareness | null): readonly PresentReviewer[] {
  const [users, setUsers] = useState<readonly PresentReviewer[]>([]);
  useEffect(() => {
    if (!awareness) {
      setUsers([]);
      return;
    }
    let shown: readonly PresentReviewer[] | null = null;
    // Awareness changes on every cursor move; the page renders only when the people change.
    const update = () => {
      const next = readPresence(awareness);
      if (shown && samePresence(shown, next)) return;
      shown = next;
      setUsers(next);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return users;
}
