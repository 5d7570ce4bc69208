import { useId } from 'react';
import type { Reviewer } from '@factcheck/core';

/** Props of the reviewer filter. */
export interface AuthorFilterProps {
  readonly authors: readonly Reviewer[];
  readonly authorId: string | null;
  readonly selfId: string;
  readonly onChange: (authorId: string | null) => void;
}

/** A select narrowing the tags to one reviewer's. */
export function AuthorFilter({ authors, authorId, selfId, onChange }: AuthorFilterProps) {
  const id = useId();
  const options =
    authorId && !authors.some((author) => author.id === authorId)
      ? [...authors, { id: authorId, name: 'Unknown reviewer' }]
      : authors;
  return (
    <div className="author-filter">
      <label htmlFor={id} className="author-filter__label">
        Reviewer
      </label>
      <select
        id={id}
        className="author-filter__select"
        data-testid="filter-author"
        value={authorId ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">All reviewers</option>
        {options.map((author) => (
          <option key={author.id} value={author.id}>
            {author.name || 'Anonymous'}
            {author.id === selfId ? ' (you)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
