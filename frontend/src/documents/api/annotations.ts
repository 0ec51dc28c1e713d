import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import { isNetworkError } from '../../api/problem';
import type { AnnotationInput, AnnotationView, Id } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { type Author, type LocalAnnotation, deleteAnnotation, readAnnotations, saveAnnotation, storeServerList } from '../../offline/annotationCache';
import { hasIndexedDb, offlineDb } from '../../offline/db';
import { sessionSealer } from '../../offline/keyring';
import { outboxRunner } from '../../offline/sync';
import { documentApi } from './documents';

/**
 * The annotations of one version as the reader shows them: GET …/versions/{n}/annotations (mine
 * with tombstones, others' shared with me) stored on this device (sealed), with my changes not
 * sent yet laid over it. Without network the stored copy is shown; `local` (reading stored
 * documents with the PIN, no session) does not ask the server at all. Runs offline too
 * (networkMode 'always').
 */
export const annotationsQuery = (docId: Id, version: number, viewer: Id | undefined, local = false) =>
  queryOptions({
    queryKey: queryKeys.documents.annotations(docId, version, viewer),
    networkMode: 'always',
    retry: false,
    queryFn: async ({ signal }): Promise<LocalAnnotation[]> => {
      let server: AnnotationView[] | null = null;
      if (!local) {
        try {
          server = await api.get<AnnotationView[]>(documentApi(docId, `/versions/${pathId(version)}/annotations`), undefined, signal);
        } catch (e) {
          if (!isNetworkError(e) || viewer == null) throw e;
        }
      }
      if (viewer == null || !hasIndexedDb()) return (server ?? []).filter((a): a is LocalAnnotation => !!a.id && !a.deleted);
      const db = offlineDb();
      const sealer = sessionSealer(viewer);
      if (server) await storeServerList(db, sealer, docId, version, server);
      return readAnnotations(db, sealer, docId, version);
    },
  });

/** Write an annotation (a new one or a change) here at once; the outbox sends it. */
export function useSaveAnnotation(docId: Id, version: number, author: Author | null) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: async ({ id, body }: { id: string; body: AnnotationInput }) => {
      if (!author) throw new Error('not signed in');
      const sealer = sessionSealer(author.personId);
      await saveAnnotation(offlineDb(), sealer, author, id, body);
      return readAnnotations(offlineDb(), sealer, docId, version);
    },
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.documents.annotations(docId, version, author?.personId), list);
      void outboxRunner().kick();
    },
  });
}

/** Delete one of my annotations here at once; the outbox sends the deletion. */
export function useDeleteAnnotation(docId: Id, version: number, viewer: Id | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: async (a: LocalAnnotation) => {
      if (viewer == null) throw new Error('not signed in');
      const sealer = sessionSealer(viewer);
      await deleteAnnotation(offlineDb(), sealer, a);
      return readAnnotations(offlineDb(), sealer, docId, version);
    },
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.documents.annotations(docId, version, viewer), list);
      void outboxRunner().kick();
    },
  });
}
