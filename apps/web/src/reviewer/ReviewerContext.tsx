import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Reviewer } from '@factcheck/core';
import { colorForReviewer } from '@factcheck/editor';
import { cleanName, loadReviewer, newReviewerId, saveReviewer } from './reviewer-storage.js';

/** The reviewer using this browser, with their colour, and a way to set their name. */
export interface ReviewerContextValue {
  /** Null until the reviewer has given a name. */
  readonly reviewer: Reviewer | null;
  readonly color: string | null;
  /** Sets the name, creating the reviewer (with a new id) on first use. */
  readonly setName: (name: string) => void;
}

const ReviewerContext = createContext<ReviewerContextValue | null>(null);

/** Provides the remembered reviewer to the app and saves every change of name. */
export function ReviewerProvider({ children }: { readonly children: ReactNode }) {
  const [reviewer, setReviewer] = useState<Reviewer | null>(loadReviewer);
  const setName = useCallback((name: string) => {
    const cleaned = cleanName(name);
    if (!cleaned) return;
    setReviewer((current) => {
      const next = { id: current?.id ?? newReviewerId(), name: cleaned };
      saveReviewer(next);
      return next;
    });
  }, []);
  const value = useMemo<ReviewerContextValue>(
    () => ({ reviewer, color: reviewer ? colorForReviewer(reviewer.id) : null, setName }),
    [reviewer, setName],
  );
  return <ReviewerContext.Provider value={value}>{children}</ReviewerContext.Provider>;
}

/** The reviewer context; must be used under ReviewerProvider. */
export function useReviewer(): ReviewerContextValue {
  const value = useContext(ReviewerContext);
  if (!value) throw new Error('useReviewer must be used inside <ReviewerProvider>.');
  return value;
}
