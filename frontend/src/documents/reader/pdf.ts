// pdf.js, set up once for the reader (this module is only in the reader's chunk). The legacy build
// is used: it runs on the older tablets the app supports (the modern one needs very recent
// browsers). Its worker is a separate file that Vite emits (`?url`) and the service worker
// precaches; the fonts a PDF names without embedding them and the image decoders (JBIG2, JPEG 2000)
// are served from /pdfjs/ (vite.config.ts copies them there).

import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export { TextLayer, RenderingCancelledException } from 'pdfjs-dist/legacy/build/pdf.mjs';
export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Bytes fetched per range request: the first page shows after a few small requests. */
export const RANGE_CHUNK = 64 * 1024;

/** Where a document's bytes come from: a short-lived link (range requests) or the stored copy. */
export type PdfSource = { kind: 'url'; url: string } | { kind: 'data'; data: ArrayBuffer };

const DATA = {
  standardFontDataUrl: '/pdfjs/standard_fonts/',
  wasmUrl: '/pdfjs/wasm/',
  iccUrl: '/pdfjs/iccs/',
};

export function openPdf(source: PdfSource): PDFDocumentLoadingTask {
  if (source.kind === 'data') {
    // pdf.js takes the buffer over (it moves to the worker): give it a copy
    return getDocument({ ...DATA, data: new Uint8Array(source.data.slice(0)) });
  }
  return getDocument({
    ...DATA,
    url: source.url,
    rangeChunkSize: RANGE_CHUNK,
    // no streaming of the whole file: after the first answer's headers pdf.js asks only for the
    // ranges it needs (the page on screen first); the rest then comes in the background, range by
    // range, so the file is complete long before the link expires
    disableStream: true,
    disableAutoFetch: false,
    withCredentials: false,
  });
}

/** The link stopped working (it lives minutes; the server answers 403 / 404 / 410 after that). */
export function isExpiredLink(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const status = (err as { status?: unknown }).status;
  if (status === 403 || status === 404 || status === 410) return true;
  const message = String((err as { message?: unknown }).message ?? '');
  return /\b(403|404|410)\b/.test(message);
}

/** The task was cancelled (a newer render replaced it): not an error to show. */
export function isCancelled(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { name?: string }).name === 'RenderingCancelledException';
}
