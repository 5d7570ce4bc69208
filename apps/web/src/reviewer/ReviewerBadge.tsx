import { useState } from 'react';
import { useReviewer } from './ReviewerContext.js';
import { NameDialog } from './NameDialog.js';

/** The header chip showing who is reviewing, which opens a dialog to change the name. */
export function ReviewerBadge() {
  const { reviewer, color, setName, signedIn, role } = useReviewer();
  const [editing, setEditing] = useState(false);
  if (!reviewer) return null;
  if (signedIn) {
    return (
      <span
        className="reviewer-badge reviewer-badge--signed-in"
        data-testid="reviewer-badge"
        title="Signed in with your invite link"
      >
        <span
          className="reviewer-badge__dot"
          style={{ backgroundColor: color ?? undefined }}
          aria-hidden="true"
        />
        <span className="reviewer-badge__name">{reviewer.name}</span>
        <span className="reviewer-badge__role" data-testid="reviewer-role">
          {role}
        </span>
      </span>
    );
  }
  return (
    <>
      <button
        type="button"
        className="reviewer-badge"
        onClick={() => setEditing(true)}
        title="Change the name shown on your tags"
        data-testid="reviewer-badge"
      >
        <span
          className="reviewer-badge__dot"
          style={{ backgroundColor: color ?? undefined }}
          aria-hidden="true"
        />
        <span className="reviewer-badge__name">{reviewer.name}</span>
        <span className="reviewer-badge__action">Change name</span>
      </button>
      {editing && (
        <NameDialog
          initialName={reviewer.name}
          onSubmit={(name) => {
            setName(name);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </>
  );
}
