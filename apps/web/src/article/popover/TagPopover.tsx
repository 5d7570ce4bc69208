import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Label } from '@factcheck/core';
import type { PlacedTag } from '@factcheck/editor';
import { useNow } from '../../time/useNow.js';
import { TagDetails } from './TagDetails.js';
import { useDismiss } from './useDismiss.js';

/** Where the popover points: page coordinates of the click that opened it. */
export interface PopoverAnchor {
  readonly pageX: number;
  readonly pageY: number;
}

/** Props of the tag popover. */
export interface TagPopoverProps {
  readonly tags: readonly PlacedTag[];
  readonly anchor: PopoverAnchor;
  /** Comments per tag id. */
  readonly comments: ReadonlyMap<string, number>;
  readonly onRelabel: (id: string, label: Label) => void;
  readonly onRemove: (id: string) => void;
  readonly onOpenDetails: (id: string) => void;
  readonly onClose: () => void;
}

const GAP = 14;
const MARGIN = 8;

/** The details of the tags under a click, floating just below it; Escape or a click outside closes it. */
export function TagPopover({
  tags,
  anchor,
  comments,
  onRelabel,
  onRemove,
  onOpenDetails,
  onClose,
}: TagPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: anchor.pageX, top: anchor.pageY + GAP });
  const now = useNow();
  useDismiss(ref, onClose);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    const viewportRight = window.scrollX + document.documentElement.clientWidth;
    const left = Math.max(
      window.scrollX + MARGIN,
      Math.min(anchor.pageX - 24, viewportRight - width - MARGIN),
    );
    const below = anchor.pageY + GAP;
    const fitsBelow = below + height <= window.scrollY + window.innerHeight - MARGIN;
    const above = anchor.pageY - GAP - height - 8;
    const top = fitsBelow || above < window.scrollY + MARGIN ? below : above;
    setPosition((current) => (current.left === left && current.top === top ? current : { left, top }));
  }, [anchor, tags.length]);

  return createPortal(
    <div
      ref={ref}
      className="tag-popover"
      data-testid="tag-popover"
      role="dialog"
      aria-label={tags.length === 1 ? 'Tag details' : `${tags.length} tags on this passage`}
      style={{ left: position.left, top: position.top }}
    >
      <div className="tag-popover__header">
        <h2 className="tag-popover__title">{tags.length === 1 ? 'Tag' : `${tags.length} tags here`}</h2>
        <button type="button" className="close-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ul className="tag-popover__list">
        {tags.map((tag) => (
          <TagDetails
            key={tag.annotation.id}
            tag={tag}
            now={now}
            comments={comments.get(tag.annotation.id) ?? 0}
            onRelabel={onRelabel}
            onRemove={onRemove}
            onOpenDetails={onOpenDetails}
          />
        ))}
      </ul>
    </div>,
    document.body,
  );
}
