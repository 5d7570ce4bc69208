import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getContent, reviewArticle, type ArticleReview } from '@factcheck/core';
import { observeTagsAndDecisions } from '../shared/useSharedValue.js';

/** Changes arriving closer together than this are reviewed once (a 5,000-tag article takes ~0.2 s). */
const COALESCE_MS = 80;

/**
 * The article's review (disputed passages, agreement), computed while `enabled` and again shortly
 * after every change to the tags, the decisions or the text. Null until the first computation.
 */
export function useArticleReview(ydoc: Y.Doc, enabled: boolean): ArticleReview | null {
  const [review, setReview] = useState<{ doc: Y.Doc; value: ArticleReview } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let timer: number | null = null;
    const schedule = (delay: number) => {
      if (timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        setReview({ doc: ydoc, value: reviewArticle(ydoc) });
      }, delay);
    };
    const onChange = () => schedule(COALESCE_MS);
    schedule(0);
    const stopTags = observeTagsAndDecisions(ydoc, onChange);
    const content = getContent(ydoc);
    content.observeDeep(onChange);
    return () => {
      stopTags();
      content.unobserveDeep(onChange);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [ydoc, enabled]);
  return enabled && review?.doc === ydoc ? review.value : null;
}
