import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { cleanName, MAX_NAME_LENGTH } from './reviewer-storage.js';

/** Props of the name dialog. */
export interface NameDialogProps {
  readonly initialName: string;
  readonly onSubmit: (name: string) => void;
  /** Omit on the first visit: then a name is required and the dialog cannot be dismissed. */
  readonly onCancel?: () => void;
}

/** A modal form asking for the name shown on this reviewer's tags and cursor. */
export function NameDialog({ initialName, onSubmit, onCancel }: NameDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(initialName);
  const titleId = useId();
  const hintId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (cleanName(name)) onSubmit(name);
  };

  return (
    <dialog
      ref={dialogRef}
      className="name-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
    >
      <form onSubmit={handleSubmit} className="name-dialog__form">
        <h2 id={titleId} className="name-dialog__title">
          {onCancel ? 'Change your name' : 'Welcome to the fact-check desk'}
        </h2>
        <p id={hintId} className="name-dialog__hint">
          Your name is shown to colleagues on your tags and next to your cursor.
        </p>
        <label className="field">
          <span className="field__label">Your name</span>
          <input
            data-testid="name-input"
            className="field__input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="name"
            autoFocus
            required
            placeholder="e.g. Sam Rivera"
          />
        </label>
        <div className="name-dialog__actions">
          {onCancel && (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button
            type="submit"
            data-testid="name-submit"
            className="button button--primary"
            disabled={!cleanName(name)}
          >
            {onCancel ? 'Save name' : 'Start reviewing'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
