import { useEffect, useId, useRef } from 'react';
import type { W3cImportState } from './useW3cImport.js';

/** Props of the import result dialog. */
export interface ImportResultDialogProps {
  readonly state: Exclude<W3cImportState, { status: 'idle' }>;
  readonly onClose: () => void;
}

/** Server reasons worded for a reviewer; others are shown as the server wrote them. */
const READABLE_REASONS: Readonly<Record<string, string>> = {
  duplicate: 'The same tag is already on the article.',
};

/** A modal telling how many tags an imported W3C file created, and which annotations did not resolve and why. */
export function ImportResultDialog({ state, onClose }: ImportResultDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const finished = state.status !== 'working';

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  // The Close button is disabled while working; focus it once there is a result to dismiss.
  useEffect(() => {
    if (finished) closeRef.current?.focus();
  }, [finished]);

  const unresolved = state.status === 'done' ? state.result.unresolved : [];
  return (
    <dialog
      ref={dialogRef}
      className="import-dialog"
      aria-labelledby={titleId}
      data-testid="import-result"
      data-status={state.status}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="import-dialog__body">
        <h2 id={titleId} className="import-dialog__title">
          {state.status === 'working' ? 'Importing annotations…' : 'Import of W3C annotations'}
        </h2>
        <p className="import-dialog__file">{state.fileName}</p>
        {state.status === 'working' && (
          <p role="status">
            <span className="spinner" aria-hidden="true" /> Placing the annotations on the article…
          </p>
        )}
        {state.status === 'failed' && (
          <p className="notice notice--error" role="alert">
            Nothing was imported: {state.message}
          </p>
        )}
        {state.status === 'done' && (
          <p
            className="import-dialog__summary"
            data-testid="import-created"
            data-created={state.result.created}
          >
            {state.result.created === 0
              ? 'No tags were created.'
              : `${state.result.created} ${state.result.created === 1 ? 'tag' : 'tags'} created.`}
            {unresolved.length === 0 && state.result.created > 0 && ' Every annotation found its text.'}
          </p>
        )}
        {unresolved.length > 0 && (
          <section className="import-dialog__unresolved" aria-labelledby={`${titleId}-unresolved`}>
            <h3 id={`${titleId}-unresolved`} className="import-dialog__subtitle">
              {unresolved.length} {unresolved.length === 1 ? 'annotation' : 'annotations'} not imported
            </h3>
            <ul className="import-dialog__list" data-testid="import-unresolved">
              {unresolved.map((item) => (
                <li key={`${item.index}-${item.id ?? ''}`} className="import-dialog__item">
                  <span className="import-dialog__index">#{item.index + 1}</span>
                  <span className="import-dialog__reason">
                    {READABLE_REASONS[item.reason] ?? item.reason}
                  </span>
                  {item.exact && <q className="import-dialog__quote">{item.exact}</q>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="import-dialog__actions">
          <button
            ref={closeRef}
            type="button"
            className="button button--primary"
            onClick={onClose}
            disabled={!finished}
            data-testid="import-result-close"
          >
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
