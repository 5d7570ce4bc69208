import { useState, type ReactNode } from 'react';
import type { ThreadEntry } from '@factcheck/core';
import { colorForReviewer } from '@factcheck/editor';
import { TimeAgo } from '../../time/TimeAgo.js';
import { CommentForm } from './CommentForm.js';

/** Props of one comment. */
export interface ThreadEntryItemProps {
  readonly entry: ThreadEntry;
  readonly selfId: string;
  readonly now: number;
  /** New text for the entry, or null to delete it. */
  readonly onChange: (entryId: string, text: string | null) => void;
  readonly onReply: () => void;
  /** Its replies, under it. */
  readonly children?: ReactNode;
}

/** One comment or reply: author, time, text; reply, and edit or delete when it is yours. */
export function ThreadEntryItem({ entry, selfId, now, onChange, onReply, children }: ThreadEntryItemProps) {
  const [editing, setEditing] = useState(false);
  const own = entry.author.id === selfId;
  return (
    <li
      className={`thread-entry${entry.deleted ? ' thread-entry--deleted' : ''}`}
      data-testid="thread-entry"
      data-entry-id={entry.id}
    >
      <div className="thread-entry__head">
        <span
          className="thread-entry__dot"
          style={{ backgroundColor: colorForReviewer(entry.author.id) }}
          aria-hidden="true"
        />
        <span className="thread-entry__author">
          {entry.author.name || 'Anonymous'}
          {own && <span className="thread-entry__you"> (you)</span>}
        </span>
        <span className="thread-entry__time">
          <TimeAgo iso={entry.createdAt} now={now} />
          {entry.editedAt && !entry.deleted && (
            <span title={`Edited ${new Date(entry.editedAt).toLocaleString()}`}> · edited</span>
          )}
        </span>
      </div>
      {entry.deleted ? (
        <p className="thread-entry__text thread-entry__text--deleted">This comment was deleted.</p>
      ) : editing ? (
        <CommentForm
          label="Edit your comment"
          placeholder="Your comment"
          submitText="Save"
          initialText={entry.text}
          autoFocus
          onSubmit={(text) => {
            onChange(entry.id, text);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="thread-entry__text" data-testid="thread-entry-text">
          {entry.text}
        </p>
      )}
      {!entry.deleted && !editing && (
        <div className="thread-entry__actions">
          <button type="button" className="link-button" onClick={onReply}>
            Reply
          </button>
          {own && (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button
                type="button"
                className="link-button link-button--danger"
                data-testid="thread-entry-delete"
                onClick={() => onChange(entry.id, null)}
              >
                Delete
              </button>
            </>
          )}
        </div>
      )}
      {children}
    </li>
  );
}
