import { useId, useState, type KeyboardEvent } from 'react';
import { setClaimField, type Annotation, type Reviewer } from '@factcheck/core';
import type { TaggingWrite } from '../tags/tagging-transaction.js';

/** Props of the claimant and subject fields. */
export interface ClaimFieldsProps {
  readonly annotation: Annotation;
  readonly reviewer: Reviewer;
  /** Names already used as claimant or subject in the article, most used first. */
  readonly names: readonly string[];
  readonly write: TaggingWrite;
}

/** Who makes the claim and whom it is about, with the article's names as suggestions. */
export function ClaimFields({ annotation, reviewer, names, write }: ClaimFieldsProps) {
  const namesId = useId();
  const save = (field: 'claimant' | 'subject', value: string) => {
    if (value.trim() !== (annotation[field] ?? '')) {
      write((doc) => setClaimField(doc, annotation.id, field, value, reviewer));
    }
  };
  return (
    <div className="claim-fields">
      <ClaimField
        label="Claimant"
        hint="Who makes the claim"
        value={annotation.claimant ?? ''}
        listId={namesId}
        testId="claimant-input"
        onSave={(value) => save('claimant', value)}
      />
      <ClaimField
        label="Subject"
        hint="Whom it is about"
        value={annotation.subject ?? ''}
        listId={namesId}
        testId="subject-input"
        onSave={(value) => save('subject', value)}
      />
      <datalist id={namesId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}

interface ClaimFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly value: string;
  readonly listId: string;
  readonly testId: string;
  readonly onSave: (value: string) => void;
}

/** One text field saved when it loses focus or on Enter; it follows colleagues' changes while not being edited. */
function ClaimField({ label, hint, value, listId, testId, onSave }: ClaimFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape' && draft !== null) {
      // Escape abandons the edit (and does not close anything else).
      event.stopPropagation();
      setDraft(value);
    }
  };
  return (
    <label className="details-field">
      <span className="details-field__label">{label}</span>
      <input
        className="details-input"
        data-testid={testId}
        list={listId}
        value={draft ?? value}
        maxLength={300}
        placeholder={hint}
        onFocus={() => setDraft(value)}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft !== null) onSave(draft);
          setDraft(null);
        }}
      />
    </label>
  );
}
