import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PlacedTag } from '@factcheck/editor';
import { TagListItem } from './TagListItem.js';

/** Props of the tag list. */
export interface TagListProps {
  /** The tags to list, in document order. */
  readonly tags: readonly PlacedTag[];
  readonly activeIds: ReadonlySet<string>;
  readonly now: number;
  /** Comments per tag id. */
  readonly comments: ReadonlyMap<string, number>;
  readonly onSelect: (id: string) => void;
  readonly onOpenDetails: (id: string) => void;
}

/** A first guess of an item's height (label, two lines of quote, author) before it is measured. */
const ESTIMATED_ITEM_HEIGHT = 96;
/** The gap between items, as `.tag-list` sets it. */
const ITEM_GAP = 6;
/** Moving focus: arrows by one item, Page keys by a screenful, Home and End to the ends. */
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };

/**
 * The tags in document order, of which only the part scrolled into view (and a few around it) is
 * rendered, so an article with thousands of tags costs a screenful of items. Arrow, Page, Home and
 * End keys move focus through every item, rendering it first; each item tells screen readers its
 * place in the whole list; a tag emphasised in the article is scrolled into view.
 */
export function TagList({ tags, activeIds, now, comments, onSelect, onOpenDetails }: TagListProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** The item to focus once rendered, and which of its buttons. */
  const pendingFocus = useRef<{ index: number; className: string } | null>(null);
  const virtualizer = useVirtualizer({
    count: tags.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => ESTIMATED_ITEM_HEIGHT,
    getItemKey: (index) => tags[index].annotation.id,
    gap: ITEM_GAP,
    overscan: 4,
    // The viewport's padding (room for focus rings): an item scrolled to is shown whole.
    scrollPaddingStart: 4,
    scrollPaddingEnd: 4,
    // Render a first screenful before the viewport has been measured.
    initialRect: { width: 320, height: 720 },
  });
  const items = virtualizer.getVirtualItems();

  const focusPending = useCallback(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const button = listRef.current?.querySelector<HTMLElement>(
      `li[data-index="${pending.index}"] .${pending.className}`,
    );
    if (!button) return;
    pendingFocus.current = null;
    button.focus();
  }, []);
  // After every render: the item asked for may just have been rendered.
  useLayoutEffect(focusPending);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    const item = target.closest<HTMLElement>('li[data-index]');
    if (!item || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(item.dataset.index);
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tags.length - 1;
    else if (event.key in STEPS) next = Math.max(0, Math.min(tags.length - 1, index + STEPS[event.key]));
    else return;
    event.preventDefault();
    const className = target.classList.contains('tag-item__details')
      ? 'tag-item__details'
      : 'tag-item__button';
    pendingFocus.current = { index: next, className };
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusPending();
  };

  // A tag emphasised in the article (clicked there, or opened from a link) is shown in the list.
  const firstActive = activeIds.size === 0 ? -1 : tags.findIndex((tag) => activeIds.has(tag.annotation.id));
  const showActive = useEffectEvent(() => {
    if (firstActive >= 0) virtualizer.scrollToIndex(firstActive, { align: 'auto' });
  });
  useEffect(() => showActive(), [activeIds]);

  const first = items[0];
  return (
    <div ref={viewportRef} className="tag-list__viewport" data-testid="tag-list-viewport">
      <ul
        ref={listRef}
        className="tag-list"
        data-testid="tag-list"
        aria-label="Tags in document order"
        onKeyDown={onKeyDown}
        style={{ height: virtualizer.getTotalSize(), paddingTop: first ? first.start : 0 }}
      >
        {items.map((item) => {
          const { annotation, status } = tags[item.index];
          return (
            <TagListItem
              key={item.key}
              measureRef={virtualizer.measureElement}
              annotation={annotation}
              status={status}
              index={item.index}
              setSize={tags.length}
              active={activeIds.has(annotation.id)}
              now={now}
              comments={comments.get(annotation.id) ?? 0}
              onSelect={onSelect}
              onOpenDetails={onOpenDetails}
            />
          );
        })}
      </ul>
    </div>
  );
}
