import { useId, useState } from 'react';
import { libraryExportUrl } from '../api/export-api.js';
import { WEB_EXPORT_FORMATS, type WebExportFormat } from '../export/export-formats.js';

/** The library's "Export all articles": a format, and a link downloading every article in it as one zip. */
export function ExportAllControl() {
  const [format, setFormat] = useState<WebExportFormat['name']>('html');
  const selectId = useId();
  return (
    <div className="export-all" role="group" aria-label="Export all articles">
      <label htmlFor={selectId} className="export-all__label">
        Format
      </label>
      <select
        id={selectId}
        className="export-all__select"
        data-testid="export-all-format"
        value={format}
        onChange={(event) => setFormat(event.target.value as WebExportFormat['name'])}
      >
        {WEB_EXPORT_FORMATS.map((option) => (
          <option key={option.name} value={option.name}>
            {option.title}
          </option>
        ))}
      </select>
      <a className="button" data-testid="export-all-button" href={libraryExportUrl(format)} download>
        <span aria-hidden="true">⤓</span> Export all articles
      </a>
    </div>
  );
}
