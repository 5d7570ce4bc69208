import { useState } from 'react';
import type * as Y from 'yjs';
import type { ArticleMeta } from '@factcheck/core';
import { useReviewer } from '../../reviewer/ReviewerContext.js';
import { ArticleDetailsLine } from './ArticleDetailsLine.js';
import { ArticleMetaForm } from './ArticleMetaForm.js';
import { useArticleMeta } from './useArticleMeta.js';

/**
 * The article's source details under its title, live from the shared document, and the form to
 * edit them (title, source address, outlet, authors, publication date, language).
 */
export function ArticleDetails({ ydoc }: { readonly ydoc: Y.Doc | null }) {
  const [meta, save] = useArticleMeta(ydoc);
  const [editing, setEditing] = useState<ArticleMeta | null>(null);
  // Details are part of the article: in protected mode only editors and leads change them.
  const { abilities } = useReviewer();
  const editable = ydoc !== null && abilities.edit;
  return (
    <>
      <ArticleDetailsLine
        meta={meta}
        onEdit={editable ? () => setEditing(editing ? null : meta) : null}
        expanded={editing !== null}
      />
      {editing && ydoc && editable && (
        <ArticleMetaForm
          initial={editing}
          current={meta}
          onSave={(before, after) => {
            save(before, after);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}
