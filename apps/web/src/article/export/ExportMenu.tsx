import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { TagFilter } from '@factcheck/editor';
import { articleExportUrl, type ExportView } from '../../api/export-api.js';
import { WEB_EXPORT_FORMATS } from '../../export/export-formats.js';
import { useDismiss } from '../popover/useDismiss.js';
import { describeFilter, exportQueryOf } from './export-filter.js';
import { ImportResultDialog } from './ImportResultDialog.js';
import { useW3cImport } from './useW3cImport.js';

/** Props of the export menu. */
export interface ExportMenuProps {
  readonly articleId: string;
  /** The sidebar's current label and reviewer filter. */
  readonly filter: TagFilter;
  /** The article's shared document, to name the reviewer the filter keeps. */
  readonly ydoc: Y.Doc;
}

/**
 * The masthead's Export button and its menu: a download link per format (through the HTTP export,
 * optionally with the sidebar's filter), and importing a W3C annotation file back onto the article.
 */
export function ExportMenu({ articleId, filter, ydoc }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [applyFilters, setApplyFilters] = useState(true);
  const [view, setView] = useState<ExportView>('adjudicated');
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(rootRef, close, open);
  const { state: importState, importFile, dismiss } = useW3cImport(articleId);

  const { query, hidesEverything } = useMemo(() => exportQueryOf(filter), [filter]);
  // Read when the menu opens or the filter changes; names change too rarely to follow live.
  const filterText = useMemo(() => (open ? describeFilter(filter, ydoc) : ''), [open, filter, ydoc]);
  const blocked = applyFilters && hidesEverything;

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        type="button"
        className="icon-button"
        data-testid="export-menu-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title="Download an annotated copy, or import W3C annotations"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((current) => !current)}
      >
        <span aria-hidden="true">⤓</span> Export
      </button>
      {open && (
        <div className="export-menu__panel" id={panelId} role="region" aria-label="Export and import">
          <h2 className="export-menu__heading">Download an annotated copy</h2>
          <ul className="export-menu__formats">
            {WEB_EXPORT_FORMATS.map((format) => (
              <li key={format.name}>
                <a
                  className={`export-menu__format${blocked ? ' export-menu__format--disabled' : ''}`}
                  data-testid={`export-format-${format.name}`}
                  href={
                    blocked
                      ? undefined
                      : articleExportUrl(articleId, format.name, applyFilters ? query : {}, view)
                  }
                  download
                  aria-disabled={blocked || undefined}
                  onClick={blocked ? undefined : () => setOpen(false)}
                >
                  <span className="export-menu__format-title">{format.title}</span>
                  <span className="export-menu__format-detail">{format.detail}</span>
                </a>
              </li>
            ))}
          </ul>
          <label className="export-menu__filters">
            <input
              type="checkbox"
              data-testid="export-view-all"
              checked={view === 'all'}
              onChange={(event) => setView(event.target.checked ? 'all' : 'adjudicated')}
            />
            <span>
              <span className="export-menu__filters-title">Every reviewer’s tags</span>
              <span className="export-menu__filters-detail">
                {view === 'all'
                  ? 'Shows each reviewer’s own tags, also where a lead settled the passage.'
                  : 'Unticked: a lead’s decided tag replaces the tags of a settled passage.'}
              </span>
            </span>
          </label>
          <label className="export-menu__filters">
            <input
              type="checkbox"
              data-testid="export-apply-filters"
              checked={applyFilters}
              onChange={(event) => setApplyFilters(event.target.checked)}
            />
            <span>
              <span className="export-menu__filters-title">Apply current filters</span>
              <span
                className={`export-menu__filters-detail${blocked ? ' export-menu__filters-detail--warn' : ''}`}
              >
                {blocked ? 'No labels are shown in the sidebar: show one, or untick this.' : filterText}
              </span>
            </span>
          </label>
          <div className="export-menu__import">
            <label className="button button--small export-menu__import-button">
              Import W3C annotations…
              <input
                type="file"
                className="visually-hidden"
                accept=".json,.jsonld,application/json,application/ld+json"
                data-testid="import-w3c-input"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (!file) return;
                  setOpen(false);
                  void importFile(file);
                }}
              />
            </label>
            <span className="export-menu__import-hint">A .json or .jsonld file from a w3c export</span>
          </div>
        </div>
      )}
      {importState.status !== 'idle' && <ImportResultDialog state={importState} onClose={dismiss} />}
    </div>
  );
}
