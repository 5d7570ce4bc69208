import { useCallback, useMemo } from 'react';
import { emptyLabelCounts, type Label } from '@factcheck/core';
import { tagMatchesFilter, type PlacedTag } from '@factcheck/editor';
import { useNow } from '../../time/useNow.js';
import { authorsOf } from '../tags/tag-authors.js';
import type { TagFilterControls } from '../tags/useTagFilter.js';
import { AuthorFilter } from './AuthorFilter.js';
import { LabelFilterToggles } from './LabelFilterToggles.js';
import { OrphanList } from './OrphanList.js';
import { TagList } from './TagList.js';

/** Props of the tag sidebar. */
export interface TagSidebarProps {
  /** Every tag, in document order with orphans last (positions may be stale: see `useListedTags`). */
  readonly tags: readonly PlacedTag[];
  readonly activeIds: ReadonlySet<string>;
  readonly filterControls: TagFilterControls;
  readonly selfId: string;
  /** Comments per tag id. */
  readonly comments: ReadonlyMap<string, number>;
  readonly onSelectTag: (tag: PlacedTag) => void;
  readonly onOpenDetails: (id: string) => void;
  readonly onRemoveTag: (id: string) => void;
}

/** The Tags tab of the sidebar: counts, filters, the list in document order, and orphans. */
export function TagSidebar({
  tags,
  activeIds,
  filterControls,
  selfId,
  comments,
  onSelectTag,
  onOpenDetails,
  onRemoveTag,
}: TagSidebarProps) {
  const { filter, authorId, toggleLabel, setAuthorId } = filterControls;
  const now = useNow();
  const placed = useMemo(() => tags.filter((tag) => tag.status !== 'orphaned'), [tags]);
  const orphans = useMemo(() => tags.filter((tag) => tag.status === 'orphaned'), [tags]);
  const authors = useMemo(() => authorsOf(tags), [tags]);
  const visible = useMemo(() => placed.filter((tag) => tagMatchesFilter(tag, filter)), [placed, filter]);
  const counts = useMemo(() => {
    const result: Record<Label, number> = emptyLabelCounts();
    for (const tag of placed) {
      if (authorId === null || tag.annotation.author.id === authorId) result[tag.annotation.label] += 1;
    }
    return result;
  }, [placed, authorId]);
  const byId = useMemo(() => new Map(placed.map((tag) => [tag.annotation.id, tag])), [placed]);
  const selectById = useCallback(
    (id: string) => {
      const tag = byId.get(id);
      if (tag) onSelectTag(tag);
    },
    [byId, onSelectTag],
  );

  return (
    <>
      <section className="sidebar__section" aria-label="Tags in the article">
        <LabelFilterToggles counts={counts} shown={filter.labels} onToggle={toggleLabel} />
        <AuthorFilter authors={authors} authorId={authorId} selfId={selfId} onChange={setAuthorId} />
        <TagList
          tags={visible}
          activeIds={activeIds}
          now={now}
          comments={comments}
          onSelect={selectById}
          onOpenDetails={onOpenDetails}
        />
        {visible.length === 0 && (
          <p className="sidebar__empty">
            {placed.length === 0
              ? 'No tags yet. Select a passage in the article and press 1, 2 or 3.'
              : 'No tags match the filters.'}
          </p>
        )}
      </section>
      <OrphanList orphans={orphans} now={now} onRemove={onRemoveTag} />
    </>
  );
}
