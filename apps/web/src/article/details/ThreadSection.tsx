import { useState } from 'react';
import { addThreadEntry, changeThreadEntry, type Reviewer, type ThreadEntry } from '@factcheck/core';
import type { TaggingWrite } from '../tags/tagging-transaction.js';
import { CommentForm } from './CommentForm.js';
import { ThreadEntryItem } from './ThreadEntryItem.js';

/** Props of a tag's discussion. */
export interface ThreadSectionProps {
  readonly tagId: string;
  readonly thread: readonly ThreadEntry[];
  readonly reviewer: Reviewer;
  readonly now: number;
  readonly write: TaggingWrite;
}

/** A top-level comment with its replies. */
interface Conversation {
  readonly entry: ThreadEntry;
  readonly replies: readonly ThreadEntry[];
}

/** Comments with their replies one level deep; a deleted comment stays only as long as it has live replies. */
function conversationsOf(thread: readonly ThreadEntry[]): Conversation[] {
  const ids = new Set(thread.map((entry) => entry.id));
  const replies = new Map<string, ThreadEntry[]>();
  const roots: ThreadEntry[] = [];
  for (const entry of thread) {
    if (entry.replyTo && ids.has(entry.replyTo)) {
      const list = replies.get(entry.replyTo);
      if (list) list.push(entry);
      else replies.set(entry.replyTo, [entry]);
    } else roots.push(entry);
  }
  return roots
    .map((entry) => ({ entry, replies: (replies.get(entry.id) ?? []).filter((reply) => !reply.deleted) }))
    .filter(({ entry, replies: live }) => !entry.deleted || live.length > 0);
}

/** A tag's discussion: comments and replies, editing and deleting your own, and a box for a new comment. */
export function ThreadSection({ tagId, thread, reviewer, now, write }: ThreadSectionProps) {
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const conversations = conversationsOf(thread);
  const post = (text: string, replyTo?: string) =>
    write((doc) => addThreadEntry(doc, tagId, { author: reviewer, text, replyTo }));
  const change = (entryId: string, text: string | null) =>
    write((doc) => changeThreadEntry(doc, tagId, entryId, reviewer, text));

  return (
    <div className="thread">
      {conversations.length > 0 ? (
        <ul className="thread__list" aria-label="Comments">
          {conversations.map(({ entry, replies }) => (
            <ThreadEntryItem
              key={entry.id}
              entry={entry}
              selfId={reviewer.id}
              now={now}
              onChange={change}
              onReply={() => setReplyingTo(entry.id)}
            >
              {(replies.length > 0 || replyingTo === entry.id) && (
                <ul className="thread__replies" aria-label="Replies">
                  {replies.map((reply) => (
                    <ThreadEntryItem
                      key={reply.id}
                      entry={reply}
                      selfId={reviewer.id}
                      now={now}
                      onChange={change}
                      onReply={() => setReplyingTo(entry.id)}
                    />
                  ))}
                  {replyingTo === entry.id && (
                    <li className="thread__reply-form">
                      <CommentForm
                        label={`Reply to ${entry.author.name || 'Anonymous'}`}
                        placeholder="Write a reply…"
                        submitText="Reply"
                        autoFocus
                        testIds={{ input: 'reply-input', submit: 'reply-submit' }}
                        onSubmit={(text) => {
                          post(text, entry.id);
                          setReplyingTo(null);
                        }}
                        onCancel={() => setReplyingTo(null)}
                      />
                    </li>
                  )}
                </ul>
              )}
            </ThreadEntryItem>
          ))}
        </ul>
      ) : (
        <p className="details-empty">No comments yet. Start the discussion below.</p>
      )}
      <CommentForm
        label="Add a comment"
        placeholder="Add a comment…"
        submitText="Comment"
        testIds={{ input: 'thread-input', submit: 'thread-submit' }}
        onSubmit={(text) => post(text)}
      />
    </div>
  );
}
