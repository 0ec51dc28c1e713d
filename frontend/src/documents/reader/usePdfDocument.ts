import { useEffect, useState } from 'react';
import { type PDFDocumentProxy, type PdfSource, openPdf } from './pdf';

export interface PdfState {
  doc: PDFDocumentProxy | null;
  error: unknown;
  /** bytes loaded of the whole file (while opening) */
  loaded: number;
  total: number;
}

const EMPTY: PdfState = { doc: null, error: null, loaded: 0, total: 0 };

/**
 * Open a PDF (from a link with range requests, or from stored bytes). `key` names the source: a new
 * key opens again (a fresh link after the old one expired), the old document is closed.
 */
export function usePdfDocument(key: string | null, load: () => Promise<PdfSource>): PdfState {
  const [state, setState] = useState<PdfState & { key: string | null }>({ ...EMPTY, key: null });

  useEffect(() => {
    if (!key) return;
    let live = true;
    let destroy: (() => void) | null = null;
    void (async () => {
      let source: PdfSource;
      try {
        source = await load();
      } catch (e) {
        if (live) setState({ ...EMPTY, key, error: e });
        return;
      }
      if (!live) return;
      const task = openPdf(source);
      destroy = () => void task.destroy();
      task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
        if (live) setState((s) => (s.doc ? s : { ...s, key, loaded, total }));
      };
      task.promise.then(
        (doc) => live && setState({ ...EMPTY, key, doc }),
        (e: unknown) => live && setState({ ...EMPTY, key, error: e }),
      );
    })();
    return () => {
      live = false;
      destroy?.();
    };
    // `load` belongs to `key`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state.key === key ? state : EMPTY;
}
