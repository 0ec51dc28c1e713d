import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Id, Pack } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { queryKeys } from '../lib/queryKeys';
import { fetchPack } from '../documents/api/documents';
import { type PackRow, type StoredPack, hasIndexedDb, offlineDb, packKey } from './db';
import { askPersistentStorage, downloadPack, openPack, type PackProgress, removePack, storedPacks } from './pack';
import { vaultSealer } from './vaultHooks';

/** What is stored of a pack while the PIN has not been entered in this session. */
export type LockedPack = Pick<PackRow, 'fingerprint' | 'downloadedAt' | 'totalBytes'> & { fileCount: number };

export interface PackLookup {
  /** the stored pack, opened (null when none, or locked) */
  pack: StoredPack | null;
  /** a pack is stored but this session does not hold the key to open it */
  locked: LockedPack | null;
}

const NONE: PackLookup = { pack: null, locked: null };

/**
 * The person's stored pack of a meeting (IndexedDB). Works offline. What it opens depends on the
 * keys this session holds: OfflineSync reads it again when they change (vaultHooks refreshDevice).
 */
export const storedPackQuery = (meetingId: Id, viewer: Id | undefined) =>
  queryOptions({
    queryKey: queryKeys.offline.pack(meetingId, viewer),
    queryFn: async (): Promise<PackLookup> => {
      if (viewer == null || !hasIndexedDb()) return NONE;
      const row = await offlineDb().packs.get(packKey(viewer, meetingId));
      if (!row) return NONE;
      const opened = await openPack(await vaultSealer(viewer), row);
      if (opened !== 'locked') return { pack: opened, locked: null };
      return { pack: null, locked: { fingerprint: row.fingerprint, downloadedAt: row.downloadedAt, totalBytes: row.totalBytes, fileCount: row.versions.length } };
    },
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });

export function useStoredPack(meetingId: Id): PackLookup & { isPending: boolean } {
  const viewer = useAuth().user?.id;
  const q = useQuery(storedPackQuery(meetingId, viewer));
  return { ...(q.data ?? NONE), isPending: q.isPending };
}

/** Every pack the person stored, opened (empty while locked): the meetings readable offline. */
export function useStoredPacks() {
  const viewer = useAuth().user?.id;
  return useQuery({
    queryKey: queryKeys.offline.packs(viewer),
    queryFn: async (): Promise<StoredPack[]> => {
      if (viewer == null || !hasIndexedDb()) return [];
      const sealer = await vaultSealer(viewer);
      return sealer ? storedPacks(offlineDb(), sealer) : [];
    },
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });
}

/** GET …/pack: the manifest with fresh links (asked for when the person wants the download). */
export function usePreparePack(meetingId: Id) {
  return useMutation({ mutationFn: () => fetchPack(meetingId) });
}

/** The person's PIN was not entered in this session: the pack cannot be sealed. */
export class VaultLocked extends Error {
  constructor() {
    super('the PIN is needed');
    this.name = 'VaultLocked';
  }
}

/** Download, check, seal and store every file of the manifest (resumes what is stored already). */
export function useDownloadPack(meetingId: Id, onProgress: (p: PackProgress) => void) {
  const viewer = useAuth().user?.id;
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: async ({ pack, signal, canAnnotate }: { pack: Pack; signal?: AbortSignal; canAnnotate?: boolean }) => {
      if (viewer == null) throw new Error('not signed in');
      const sealer = await vaultSealer(viewer);
      if (!sealer) throw new VaultLocked();
      await askPersistentStorage();
      return downloadPack(offlineDb(), sealer, pack, { viewer, onProgress, renew: () => fetchPack(meetingId), signal, canAnnotate });
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

/** Whether the person's unencrypted packs of an older version of the app were removed (say it once). */
export function useLegacyDropped(): boolean {
  const viewer = useAuth().user?.id;
  const q = useQuery({
    queryKey: [...queryKeys.offline.all(), 'legacy', viewer ?? 0],
    queryFn: async () => (viewer != null && hasIndexedDb() ? !!(await offlineDb().meta.get('legacyDropped'))?.viewers?.includes(viewer) : false),
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });
  return !!q.data;
}
