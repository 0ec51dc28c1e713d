import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import type {
  DocumentDetail,
  DocumentList,
  DocumentUpdate,
  FileLink,
  Id,
  LinkKind,
  MeetingDocument,
  Pack,
  ReceiptTable,
  Reminded,
} from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';

/** `/api/documents/{docId}{rest}` */
export function documentApi(docId: Id | undefined, rest = ''): string {
  return `/api/documents/${pathId(docId)}${rest}`;
}

/** GET /api/meetings/{id}/documents: what the person may read, in agenda order. */
export const documentsQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.documents(meetingId),
    queryFn: ({ signal }) => api.get<DocumentList>(meetingApi(meetingId, '/documents'), undefined, signal),
  });

/** GET /api/documents/{docId}: the document with every version. */
export const documentDetailQuery = (docId: Id) =>
  queryOptions({
    queryKey: queryKeys.documents.detail(docId),
    queryFn: ({ signal }) => api.get<DocumentDetail>(documentApi(docId), undefined, signal),
  });

/** GET /api/meetings/{id}/documents/receipts: who opened which document (`canViewReads`). */
export const receiptsQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.documentReceipts(meetingId),
    queryFn: ({ signal }) => api.get<ReceiptTable>(meetingApi(meetingId, '/documents/receipts'), undefined, signal),
  });

/** POST /api/documents/{docId}/link: a link for the signed-in person only, valid a few minutes. */
export function requestLink(docId: Id, body: { version?: number; kind: LinkKind; download?: boolean }): Promise<FileLink> {
  return api.post<FileLink>(documentApi(docId, '/link'), body);
}

/**
 * The link the reader opens a version with. It is kept until it stops working (a range request
 * answered 403 after it expired): the reader then refetches it and reopens the document there.
 */
export const linkQuery = (docId: Id, version: number, kind: LinkKind = 'PDF') =>
  queryOptions({
    queryKey: queryKeys.documents.link(docId, version, kind),
    queryFn: () => requestLink(docId, { version, kind }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** POST …/versions/{n}/receipt: the pages shown (the first call records the opening). */
export function sendReceipt(docId: Id, version: number, pages: number[]): Promise<void> {
  return api.post<void>(documentApi(docId, `/versions/${pathId(version)}/receipt`), { pages });
}

/** GET /api/meetings/{id}/pack: links to every readable document, with the agenda and a fingerprint. */
export function fetchPack(meetingId: Id): Promise<Pack> {
  return api.get<Pack>(meetingApi(meetingId, '/pack'));
}

/** A document changed: the meeting's list (and the reading table) and the document itself are read again. */
export function refreshDocuments(queryClient: QueryClient, meetingId: Id, docId?: Id): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.meetings.documents(meetingId) }),
    docId !== undefined ? queryClient.invalidateQueries({ queryKey: queryKeys.documents.detail(docId) }) : undefined,
  ]);
}

/** PUT /api/documents/{docId} with the `version` the change was based on (409 "stale" otherwise). */
export function useUpdateDocument(meetingId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ docId, body }: { docId: Id | undefined; body: DocumentUpdate }) => api.put<MeetingDocument>(documentApi(docId), body),
    onSuccess: (_doc, { docId }) => void refreshDocuments(queryClient, meetingId, docId),
  });
}

/** DELETE /api/documents/{docId}: withdrawn for everyone. */
export function useWithdrawDocument(meetingId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (docId: Id | undefined) => api.del(documentApi(docId)),
    onSuccess: (_r, docId) => void refreshDocuments(queryClient, meetingId, docId),
  });
}

/** POST /api/meetings/{id}/documents/remind: these people, or (no ids) everyone with something unopened. */
export function useRemindReaders(meetingId: Id) {
  return useMutation({
    mutationFn: (personIds: Id[] | undefined) => api.post<Reminded>(meetingApi(meetingId, '/documents/remind'), personIds ? { personIds } : {}),
  });
}
