import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '@factcheck/editor';

/** Publishes this reviewer (id, name, colour) in awareness, and again whenever it changes. */
export function usePublishedUser(awareness: Awareness | null, user: PresenceUser | null): void {
  const id = user?.id;
  const name = user?.name;
  const color = user?.color;
  useEffect(() => {
    if (!awareness || !id || name === undefined || !color) return;
    awareness.setLocalStateField('user', { id, name, color } satisfies PresenceUser);
  }, [awareness, id, name, color]);
}
