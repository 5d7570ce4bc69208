import { useState, type FormEvent, type KeyboardEvent } from 'react';

/** Props of a comment box. */
export interface CommentFormProps {
  /** Accessible name of the text box. */
  readonly label: string;
  readonly placeholder: string;
  readonly submitText: string;
  readonly initialText?: string;
  readonly autoFocus?: boolean;
  readonly testIds?: { readonly input: string; readonly submit: string };
  readonly onSubmit: (text: string) => void;
  readonly onCancel?: () => void;
}

/** A text box for a comment, a reply or an edit; Ctrl+Enter (⌘+Enter) sends it, Escape cancels. */
export function CommentForm({
  label,
  placeholder,
  submitText,
  initialText = '',
  autoFocus,
  testIds,
  onSubmit,
  onCancel,
}: CommentFormProps) {
  const [text, setText] = useState(initialText);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) return;
    onSubmit(text);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <form className="comment-form" onSubmit={submit}>
      <textarea
        className="details-input comment-form__text"
        aria-label={label}
        data-testid={testIds?.input}
        value={text}
        rows={2}
        maxLength={20_000}
        placeholder={placeholder}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="details-form__actions">
        {onCancel && (
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid={testIds?.submit}
          disabled={!text.trim()}
          title="Ctrl+Enter"
        >
          {submitText}
        </button>
      </div>
    </form>
  );
}
