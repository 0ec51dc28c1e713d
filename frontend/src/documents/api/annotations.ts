import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import { isNetworkError } from '../../api/problem';
import type { AnnotationInput, AnnotationView, Id } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { type Author, type LocalAnnotation, deleteAnnotation, readAnnotations, saveAnnotation, storeServerList } from '../../offline/annotationCache';
import { offlineDb } from '../../offline/db';
import { outboxRunner, outboxStore } from '../../offline/sync';
import { documentApi } from './documents';

/**
 * The annotations of one version as the reader shows them: GET …/versions/{n}/annotations (mine
 * with tombstones, others' shared with me) stored on this device, with my changes not sent yet laid
 * over it. Without network the stored copy is shown. Runs offline too (networkMode 'always').
 */
export const annotationsQuery = (docId: Id, version: number, viewer: Id | undefined) =>
  queryOptions({
    queryKey: queryKeys.documents.annotations(docId, version, viewer),
    networkMode: 'always',
    retry: false,
    queryFn: async ({ signal }): Promise<LocalAnnotation[]> => {
      let server: AnnotationView[] | null = null;
      try {
        server = await api.get<AnnotationView[]>(documentApi(docId, `/versions/${pathId(version)}/annotations`), undefined, signal);
      } catch (e) {
        if (!isNetworkError(e) || viewer == null) throw e;
      }
      if (viewer == null) return (server ?? []).filter((a): a is LocalAnnotation => !!a.id && !a.deleted);
      const db = offlineDb();
      if (server) await storeServerList(db, viewer, docId, version, server);
      return readAnnotations(db, viewer, docId, version);
    },
  });

/** Write an annotation (a new one or a change) here at once; the outbox sends it. */
export function useSaveAnnotation(docId: Id, version: number, author: Author | null) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: async ({ id, body }: { id: string; body: AnnotationInput }) => {
      if (!author) throw new Error('not signed in');
      await saveAnnotation(offlineDb(), outboxStore(), author, id, body);
      return readAnnotations(offlineDb(), author.personId, docId, version);
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
      await deleteAnnotation(offlineDb(), outboxStore(), viewer, a);
      return readAnnotations(offlineDb(), viewer, docId, version);
    },
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.documents.annotations(docId, version, viewer), list);
      void outboxRunner().kick();
    },
  });
}
