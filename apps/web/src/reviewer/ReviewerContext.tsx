import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Reviewer } from '@factcheck/core';
import { colorForReviewer } from '@factcheck/editor';
import { abilitiesOf, type Abilities } from '../session/permissions.js';
import { readTokenClaims, sessionToken, type Role } from '../session/session-token.js';
import { cleanName, loadReviewer, newReviewerId, saveReviewer } from './reviewer-storage.js';

/** The reviewer using this browser, with their colour, role, and a way to set their name. */
export interface ReviewerContextValue {
  /** Null until the reviewer has given a name (open mode) or signed in (protected mode). */
  readonly reviewer: Reviewer | null;
  readonly color: string | null;
  /** The token's role; null in open mode, where everyone may do everything. */
  readonly role: Role | null;
  /** What the interface offers this reviewer. */
  readonly abilities: Abilities;
  /** True when the identity comes from an invite token (the name cannot be changed here). */
  readonly signedIn: boolean;
  /** Sets the name, creating the reviewer (with a new id) on first use; not with a token. */
  readonly setName: (name: string) => void;
}

const ReviewerContext = createContext<ReviewerContextValue | null>(null);

/** The identity an invite token gives, if the tab has a readable one. */
function signedInReviewer(): { reviewer: Reviewer; role: Role } | null {
  const token = sessionToken();
  const claims = token ? readTokenClaims(token) : null;
  return claims ? { reviewer: { id: claims.id, name: claims.name }, role: claims.role } : null;
}

/** Provides the reviewer to the app: from the invite token when there is one, else remembered in this browser. */
export function ReviewerProvider({ children }: { readonly children: ReactNode }) {
  const [signedIn] = useState(signedInReviewer);
  const [remembered, setRemembered] = useState<Reviewer | null>(loadReviewer);
  const setName = useCallback((name: string) => {
    const cleaned = cleanName(name);
    if (!cleaned) return;
    setRemembered((current) => {
      const next = { id: current?.id ?? newReviewerId(), name: cleaned };
      saveReviewer(next);
      return next;
    });
  }, []);
  const value = useMemo<ReviewerContextValue>(() => {
    const reviewer = signedIn?.reviewer ?? remembered;
    const role = signedIn?.role ?? null;
    return {
      reviewer,
      color: reviewer ? colorForReviewer(reviewer.id) : null,
      role,
      abilities: abilitiesOf(role),
      signedIn: signedIn !== null,
      setName: signedIn ? () => undefined : setName,
    };
  }, [signedIn, remembered, setName]);
  return <ReviewerContext.Provider value={value}>{children}</ReviewerContext.Provider>;
}

/** The reviewer context; must be used under ReviewerProvider. */
export function useReviewer(): ReviewerContextValue {
  const value = useContext(ReviewerContext);
  if (!value) throw new Error('useReviewer must be used inside <ReviewerProvider>.');
  return value;
}
