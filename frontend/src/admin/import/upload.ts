import { errorFromXhr, hasSession, prepareAuth, refreshSession } from '../../api/client';
import { networkError } from '../../api/problem';
import type { ImportKind, ImportResult } from '../../api/types';
import { currentLang } from '../../lib/i18n';

export interface UploadCallbacks {
  /** bytes sent so far (total is the file size) */
  onProgress: (loaded: number, total: number) => void;
  /** the body is sent; the server is now working */
  onUploaded: () => void;
}

export interface UploadHandle {
  promise: Promise<ImportResult>;
  abort: () => void;
}

/**
 * POST the CSV file to /api/import/{kind} with XMLHttpRequest, which (unlike fetch) reports upload
 * progress. A 401 renews the token once and sends again. Rejects with ApiError (422 carries rows[]).
 */
export function uploadCsv(kind: ImportKind, file: Blob, callbacks: UploadCallbacks): UploadHandle {
  let current: XMLHttpRequest | null = null;
  let aborted = false;

  const sendOnce = (token: string | null) =>
    new Promise<XMLHttpRequest>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', `/api/import/${encodeURIComponent(kind)}`);
      xhr.setRequestHeader('Content-Type', 'text/csv; charset=UTF-8');
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('Accept-Language', currentLang());
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => callbacks.onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.upload.onload = () => {
        callbacks.onProgress(file.size, file.size);
        callbacks.onUploaded();
      };
      xhr.onload = () => resolve(xhr);
      xhr.onerror = () => reject(networkError());
      xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
      xhr.send(file);
    });

  const promise = (async () => {
    let xhr = await sendOnce(await prepareAuth());
    if (xhr.status === 401 && hasSession() && !aborted && (await refreshSession())) {
      callbacks.onProgress(0, file.size);
      xhr = await sendOnce(await prepareAuth());
    }
    if (xhr.status >= 200 && xhr.status < 300) {
      // all-or-nothing: after the upload finished the whole answer is in
      callbacks.onProgress(file.size, file.size);
      return JSON.parse(xhr.responseText) as ImportResult;
    }
    throw errorFromXhr(xhr);
  })();

  return {
    promise,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}

/** Offer a Blob to the user as a download (lib/files.ts). */
export { saveBlob } from '../../lib/files';
