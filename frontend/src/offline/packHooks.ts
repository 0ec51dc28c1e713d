import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Id, Pack } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { queryKeys } from '../lib/queryKeys';
import { fetchPack } from '../documents/api/documents';
import { hasIndexedDb, offlineDb, type StoredPack } from './db';
import { askPersistentStorage, downloadPack, type PackProgress, removePack, storedPack } from './pack';

/** The signed-in person's stored pack of a meeting (IndexedDB; null when none). Works offline. */
export const storedPackQuery = (meetingId: Id, viewer: Id | undefined) =>
  queryOptions({
    queryKey: queryKeys.offline.pack(meetingId, viewer),
    queryFn: (): Promise<StoredPack | null> => (viewer == null || !hasIndexedDb() ? Promise.resolve(null) : storedPack(offlineDb(), viewer, meetingId)),
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });

export function useStoredPack(meetingId: Id) {
  const viewer = useAuth().user?.id;
  return useQuery(storedPackQuery(meetingId, viewer));
}

/** GET …/pack: the manifest with fresh links (asked for when the person wants the download). */
export function usePreparePack(meetingId: Id) {
  return useMutation({ mutationFn: () => fetchPack(meetingId) });
}

/** Download, check and store every file of the manifest (resumes what is stored already). */
export function useDownloadPack(meetingId: Id, onProgress: (p: PackProgress) => void) {
  const viewer = useAuth().user?.id;
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: async ({ pack, signal, canAnnotate }: { pack: Pack; signal?: AbortSignal; canAnnotate?: boolean }) => {
      if (viewer == null) throw new Error('not signed in');
      await askPersistentStorage();
      return downloadPack(offlineDb(), pack, { viewer, onProgress, renew: () => fetchPack(meetingId), signal, canAnnotate });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.offline.all() }),
  });
}

export function useRemovePack(meetingId: Id) {
  const viewer = useAuth().user?.id;
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: async () => {
      if (viewer != null) await removePack(offlineDb(), viewer, meetingId);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.offline.all() }),
  });
}
