import { useCallback, useState } from 'react';
import { importW3cAnnotations, type ImportResult } from '../../api/export-api.js';

/** Where an import of a W3C file stands. */
export type W3cImportState =
  | { readonly status: 'idle' }
  | { readonly status: 'working'; readonly fileName: string }
  | { readonly status: 'done'; readonly fileName: string; readonly result: ImportResult }
  | { readonly status: 'failed'; readonly fileName: string; readonly message: string };

/** Reads a chosen W3C annotation file and posts it onto the article; the tags arrive through sync. */
export function useW3cImport(articleId: string): {
  readonly state: W3cImportState;
  readonly importFile: (file: File) => Promise<void>;
  readonly dismiss: () => void;
} {
  const [state, setState] = useState<W3cImportState>({ status: 'idle' });
  const importFile = useCallback(
    async (file: File) => {
      const fileName = file.name;
      setState({ status: 'working', fileName });
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        setState({
          status: 'failed',
          fileName,
          message: 'The file is not JSON, so it cannot be W3C annotations.',
        });
        return;
      }
      try {
        setState({ status: 'done', fileName, result: await importW3cAnnotations(articleId, body) });
      } catch (error) {
        setState({ status: 'failed', fileName, message: (error as Error).message });
      }
    },
    [articleId],
  );
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, importFile, dismiss };
}
