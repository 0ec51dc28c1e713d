import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl, errorFromXhr, hasSession, prepareAuth, refreshSession, type Query } from '../../api/client';
import { networkError } from '../../api/problem';
import type { DocumentAudience, Id, MeetingDocument } from '../../api/types';
import { currentLang } from '../../lib/i18n';
import { meetingApi } from '../../meetings/api/paths';
import { documentApi, refreshDocuments } from './documents';

/** The types the server takes as a body; anything else goes as application/octet-stream (it looks inside). */
const SENT_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'image/jpeg',
  'image/png',
]);

/** The file picker's choice (the server decides in the end: 415 for anything else). */
export const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.jpg,.jpeg,.png';

const EXTENSIONS = new Set(ACCEPT.split(',').map((e) => e.slice(1)));

/** The file's extension is one the server takes. */
export function acceptedName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** Word, Excel, PowerPoint and OpenDocument files: a PDF is made of them only where the server can. */
export function isOfficeName(name: string): boolean {
  return /\.(docx?|xlsx?|pptx?|od[tsp])$/i.test(name);
}

export function contentTypeOf(file: Blob): string {
  return SENT_TYPES.has(file.type) ? file.type : 'application/octet-stream';
}

export interface UploadProgress {
  /** bytes sent so far and the file's size */
  onProgress: (loaded: number, total: number) => void;
  /** the body is sent; the server is now checking and converting it */
  onUploaded?: () => void;
  /** receives the running upload (to abort it) */
  started?: (abort: () => void) => void;
}

/**
 * POST a file as the raw body with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * A 401 renews the token once and sends again. Rejects with ApiError (problem+json).
 */
export function uploadRaw<T>(path: string, query: Query, file: Blob, progress: UploadProgress): Promise<T> {
  let current: XMLHttpRequest | null = null;
  let aborted = false;
  progress.started?.(() => {
    aborted = true;
    current?.abort();
  });
  const sendOnce = (token: string | null) =>
    new Promise<XMLHttpRequest>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', buildUrl(path, query));
      xhr.setRequestHeader('Content-Type', contentTypeOf(file));
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('Accept-Language', currentLang());
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => progress.onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.upload.onload = () => {
        progress.onProgress(file.size, file.size);
        progress.onUploaded?.();
      };
      xhr.onload = () => resolve(xhr);
      xhr.onerror = () => reject(networkError());
      xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
      xhr.send(file);
    });
  return (async () => {
    if (aborted) throw new DOMException('Upload aborted', 'AbortError');
    let xhr = await sendOnce(await prepareAuth());
    if (xhr.status === 401 && hasSession() && !aborted && (await refreshSession())) {
      progress.onProgress(0, file.size);
      xhr = await sendOnce(await prepareAuth());
    }
    if (xhr.status >= 200 && xhr.status < 300) return JSON.parse(xhr.responseText) as T;
    throw errorFromXhr(xhr);
  })();
}

export interface NewDocument extends UploadProgress {
  file: File;
  itemId?: Id;
  title?: string;
  audience: DocumentAudience;
  confidential: boolean;
  /** the people named when `audience` is NAMED (set right after the upload) */
  readerIds?: Id[];
}

/**
 * POST /api/meetings/{id}/documents?fileName=&itemId=&title=&audience=&confidential= with the file
 * as the body; for NAMED readers the new document is then given its readers (PUT).
 */
export function useUploadDocument(meetingId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, itemId, title, audience, confidential, readerIds, ...progress }: NewDocument) => {
      const doc = await uploadRaw<MeetingDocument>(
        meetingApi(meetingId, '/documents'),
        { fileName: file.name, itemId, title, audience, confidential },
        file,
        progress,
      );
      if (audience === 'NAMED' && readerIds?.length && doc.id != null && doc.version != null) {
        return api.put<MeetingDocument>(documentApi(doc.id), {
          title: doc.title ?? file.name,
          itemId: doc.itemId,
          audience,
          readerIds,
          confidential: doc.confidential ?? confidential,
          position: doc.position ?? 0,
          version: doc.version,
        });
      }
      return doc;
    },
    onSuccess: (doc) => void refreshDocuments(queryClient, meetingId, doc.id),
  });
}

export interface NewVersion extends UploadProgress {
  docId: Id;
  file: File;
  note?: string;
  /** the version the secretary saw: 409 when another was uploaded since */
  baseVersion?: number;
}

/** POST /api/documents/{docId}/versions?fileName=&note=&baseVersion= with the file as the body. */
export function useReplaceDocument(meetingId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ docId, file, note, baseVersion, ...progress }: NewVersion) =>
      uploadRaw<MeetingDocument>(documentApi(docId, '/versions'), { fileName: file.name, note, baseVersion }, file, progress),
    onSuccess: (_doc, { docId }) => void refreshDocuments(queryClient, meetingId, docId),
  });
}
