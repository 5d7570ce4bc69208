import { useId, useState, type FormEvent } from 'react';
import type { ImportOverrides } from './import-api.js';

/** Props of the paste form. */
export interface PasteTextFormProps {
  readonly onImport: (text: string, overrides: ImportOverrides) => void;
}

/**
 * Pasted article text with an optional title and source. Without a title the first line is the
 * title when it reads as a headline, as for plain-text files.
 */
export function PasteTextForm({ onImport }: PasteTextFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) return;
    onImport(text, { title, source });
    setText('');
    setTitle('');
    setSource('');
  };

  return (
    <form className="article-import__paste" onSubmit={submit} data-testid="import-paste-form">
      <label className="field" htmlFor={`${id}-text`}>
        <span className="field__label">Article text</span>
        <textarea
          id={`${id}-text`}
          className="field__input article-import__textarea"
          dir="auto"
          rows={7}
          required
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Paste the article here: one paragraph per line."
          data-testid="import-paste-text"
        />
      </label>
      <div className="article-import__fields">
        <label className="field" htmlFor={`${id}-title`}>
          <span className="field__label">
            Title <span className="article-import__optional">(optional)</span>
          </span>
          <input
            id={`${id}-title`}
            className="field__input"
            dir="auto"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Else the first line, if a headline"
            data-testid="import-paste-title"
          />
        </label>
        <label className="field" htmlFor={`${id}-source`}>
          <span className="field__label">
            Source URL <span className="article-import__optional">(optional)</span>
          </span>
          <input
            id={`${id}-source`}
            className="field__input"
            type="url"
            value={source}
            onChange={(event) => setSource(event.target.value)}
            placeholder="https://…"
            data-testid="import-paste-source"
          />
        </label>
      </div>
      <div className="article-import__paste-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!text.trim()}
          data-testid="import-paste-submit"
        >
          Import text
        </button>
      </div>
    </form>
  );
}
