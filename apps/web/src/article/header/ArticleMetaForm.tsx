import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  ARTICLE_META_FIELDS,
  ARTICLE_META_LABELS,
  type ArticleMeta,
  type ArticleMetaField,
} from '@factcheck/core';
import { formatPublished, languageName } from './meta-format.js';
import { cleanMeta, META_MAX_LENGTH, validateMeta, type MetaProblems } from './meta-validation.js';

/** Props of the metadata form. */
export interface ArticleMetaFormProps {
  /** The values when the form opened. */
  readonly initial: ArticleMeta;
  /** The values now in the shared document (a colleague may change them while the form is open). */
  readonly current: ArticleMeta;
  /** Saves the changes from `before` to `after`. */
  readonly onSave: (before: ArticleMeta, after: ArticleMeta) => void;
  readonly onCancel: () => void;
}

/** Languages offered as suggestions; any BCP 47 code is accepted. */
const SUGGESTED_LANGUAGES = ['en', 'ur', 'hi', 'pa', 'sd', 'ps', 'bn', 'ar', 'fa', 'fr', 'de', 'es'];

const HINTS: Partial<Record<ArticleMetaField, string>> = {
  sourceUrl: 'The address of the original article.',
  authors: 'Separate several names with a semicolon (;).',
  publishedAt: 'Year-month-day, e.g. 2019-04-12.',
  language: 'A language code such as en, ur or en-GB.',
};

const PLACEHOLDERS: Partial<Record<ArticleMetaField, string>> = {
  sourceUrl: 'https://',
  outlet: 'e.g. Dawn',
  authors: 'e.g. Sana Malik; Omar Butt',
  publishedAt: 'YYYY-MM-DD',
  language: 'e.g. en',
};

/** The fields whose (cleaned) value differs between two records. */
function changedFields(before: ArticleMeta, after: ArticleMeta): ArticleMetaField[] {
  return ARTICLE_META_FIELDS.filter((field) => before[field] !== after[field]);
}

/**
 * The form for an article's source details. Only fields the reviewer changed are checked and
 * saved, so an odd value someone else stored never blocks saving the rest.
 */
export function ArticleMetaForm({ initial, current, onSave, onCancel }: ArticleMetaFormProps) {
  const [draft, setDraft] = useState<ArticleMeta>(initial);
  const [problems, setProblems] = useState<MetaProblems>({});
  const baseId = useId();
  const languagesId = `${baseId}-languages`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const before = cleanMeta(initial);
    const after = cleanMeta(draft);
    const changed = new Set(changedFields(before, after));
    const found = validateMeta(after);
    const relevant = Object.fromEntries(
      Object.entries(found).filter(([field]) => changed.has(field as ArticleMetaField) || field === 'title'),
    ) as MetaProblems;
    setProblems(relevant);
    if (Object.keys(relevant).length > 0) {
      const first = ARTICLE_META_FIELDS.find((field) => relevant[field]);
      document.getElementById(`${baseId}-${first}`)?.focus();
      return;
    }
    onSave(before, after);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  const field = (name: ArticleMetaField, wide = false) => {
    const id = `${baseId}-${name}`;
    const problem = problems[name];
    const hint = HINTS[name];
    const changedMeanwhile = current[name] !== initial[name] && draft[name] === initial[name];
    const dateHint =
      name === 'publishedAt' && draft.publishedAt.trim() && !problem
        ? formatPublished(draft.publishedAt)
        : null;
    const languageHint =
      name === 'language' && draft.language.trim() && !problem ? languageName(draft.language) : null;
    return (
      <div className={`meta-form__field${wide ? ' meta-form__field--wide' : ''}`}>
        <label className="meta-form__label" htmlFor={id}>
          {ARTICLE_META_LABELS[name]}
        </label>
        <input
          id={id}
          name={name}
          className={`field__input meta-form__input${problem ? ' meta-form__input--invalid' : ''}`}
          type={name === 'sourceUrl' ? 'url' : 'text'}
          inputMode={name === 'publishedAt' ? 'numeric' : undefined}
          list={name === 'language' ? languagesId : undefined}
          value={draft[name]}
          placeholder={PLACEHOLDERS[name]}
          maxLength={META_MAX_LENGTH[name] + 50}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-note`}
          data-testid={`meta-input-${name}`}
          autoFocus={name === 'title'}
          onChange={(event) => {
            const value = event.target.value;
            setDraft((previous) => ({ ...previous, [name]: value }));
            if (problem) setProblems((previous) => ({ ...previous, [name]: undefined }));
          }}
        />
        <p
          id={`${id}-note`}
          className={`meta-form__note${problem ? ' meta-form__note--error' : ''}`}
          data-testid={problem ? `meta-error-${name}` : undefined}
        >
          {problem ??
            (changedMeanwhile
              ? `A colleague changed this to “${current[name] || '(empty)'}” meanwhile; saving keeps theirs.`
              : (dateHint ?? languageHint ?? hint ?? ''))}
        </p>
      </div>
    );
  };

  return (
    <form
      className="meta-form"
      aria-label="Article details"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      data-testid="meta-form"
    >
      <div className="meta-form__grid">
        {field('title', true)}
        {field('sourceUrl', true)}
        {field('outlet')}
        {field('authors')}
        {field('publishedAt')}
        {field('language')}
      </div>
      <datalist id={languagesId}>
        {SUGGESTED_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </datalist>
      <div className="meta-form__actions">
        <button type="submit" className="button button--primary" data-testid="meta-save">
          Save details
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <span className="meta-form__tip">
          Saved for every reviewer at once; Ctrl+Z in the article undoes it.
        </span>
      </div>
    </form>
  );
}
