import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Props of the editable title. */
export interface EditableTitleProps {
  readonly title: string;
  /** Null while the title cannot be edited (not synced yet). */
  readonly onSave: ((title: string) => void) | null;
}

/** The article title as a heading; click it to edit, Enter (or leaving the field) saves, Escape cancels. */
export function EditableTitle({ title, onSave }: EditableTitleProps) {
  const [draft, setDraft] = useState<string | null>(null);
  // Set once the edit is over, so the blur that follows Enter or Escape does not save again.
  const finished = useRef(false);
  // After Enter or Escape the keyboard user gets focus back on the title.
  const refocus = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (draft !== null || !refocus.current) return;
    refocus.current = false;
    buttonRef.current?.focus();
  }, [draft]);

  const start = () => {
    if (!onSave) return;
    finished.current = false;
    setDraft(title);
  };
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save && draft !== null && onSave) onSave(draft);
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    event.preventDefault();
    refocus.current = true;
    finish(event.key === 'Enter');
  };

  return (
    <h1 className="article-title" data-testid="article-title">
      {draft === null ? (
        <button
          ref={buttonRef}
          type="button"
          className="article-title__button"
          onClick={start}
          disabled={!onSave}
          title={onSave ? 'Click to rename the article' : undefined}
        >
          {title || 'Untitled article'}
        </button>
      ) : (
        <input
          className="article-title__input"
          aria-label="Article title (Enter to save, Escape to cancel)"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => finish(true)}
          onFocus={(event) => event.currentTarget.select()}
          maxLength={300}
          autoFocus
        />
      )}
    </h1>
  );
}
