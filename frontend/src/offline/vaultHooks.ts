// The vault in React: whether the person has a PIN on this device and whether this session holds
// their key; setting, entering and forgetting the PIN.

import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Id } from '../api/types';
import { queryKeys } from '../lib/queryKeys';
import { type VaultPerson, type VaultRecord, hasIndexedDb, offlineDb } from './db';
import { type Sealer, fixedSealer, heldVaultKid, holdVaultKey, keyringVersion, onKeysChanged, releaseVaultKey, sessionSealer, vaultKeyOf } from './keyring';
import { type UnlockResult, changePin, createVault, getVault, listVaults, rekey, unlockVault, wipeViewer } from './vault';

/** The sealer of `viewer`'s stored packs in this session (null while their PIN is not entered). */
export async function vaultSealer(viewer: Id): Promise<Sealer | null> {
  const k = await vaultKeyOf(viewer);
  return k ? fixedSealer(viewer, k) : null;
}

export const vaultQuery = (viewer: Id | undefined) =>
  queryOptions({
    queryKey: queryKeys.offline.vault(viewer),
    queryFn: async (): Promise<VaultRecord | null> => (viewer == null || !hasIndexedDb() ? null : ((await getVault(offlineDb(), viewer)) ?? null)),
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });

/** Everyone with stored documents on this device (the sign-in page). */
export const vaultsQuery = () =>
  queryOptions({
    queryKey: queryKeys.offline.vaults(),
    queryFn: async (): Promise<VaultRecord[]> => (hasIndexedDb() ? listVaults(offlineDb()) : []),
    networkMode: 'always',
    staleTime: 0,
    retry: false,
  });

/** Re-renders when this session holds or drops a key. */
function useKeyringVersion(): number {
  return useSyncExternalStore(onKeysChanged, keyringVersion, () => 0);
}

export type VaultState = 'loading' | 'none' | 'locked' | 'open';

/** Whether `viewer` has a PIN here and whether it was entered in this session. */
export function useVaultState(viewer: Id | undefined): { state: VaultState; vault: VaultRecord | null } {
  useKeyringVersion();
  const q = useQuery(vaultQuery(viewer));
  if (q.isPending) return { state: 'loading', vault: null };
  const vault = q.data ?? null;
  if (!vault) return { state: 'none', vault };
  return { state: heldVaultKid(viewer) === vault.kid ? 'open' : 'locked', vault };
}

/** What changes when a key is held or the stored documents go: everything read from the device. */
export async function refreshDevice(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.offline.all() }),
    queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'documents' && q.queryKey[2] === 'annotations' }),
  ]);
}

async function hold(viewer: Id, key: Awaited<ReturnType<typeof createVault>>): Promise<void> {
  await holdVaultKey(viewer, key);
  // what this session sealed before the PIN now outlives it
  await rekey(offlineDb(), sessionSealer(viewer), key);
}

/** Set the person's PIN on this device (they are signed in) and hold the key. */
export async function setPin(person: VaultPerson, pin: string): Promise<void> {
  const key = await createVault(offlineDb(), person, pin);
  await hold(person.id, key);
}

/** Try a PIN; on success the key is held for this session. */
export async function enterPin(viewer: Id, pin: string): Promise<UnlockResult> {
  const result = await unlockVault(offlineDb(), viewer, pin);
  if (result.ok) await hold(viewer, result.key);
  return result;
}

/** Remove the person's stored documents and PIN from this device. */
export async function removeStored(viewer: Id): Promise<void> {
  await wipeViewer(offlineDb(), viewer);
  if (heldVaultKid(viewer)) await releaseVaultKey();
}

/** A new PIN for the key this session holds (the old PIN was entered, or set, in this session). */
export async function changeDevicePin(viewer: Id, pin: string): Promise<void> {
  const held = await vaultKeyOf(viewer);
  if (!held) throw new Error('the PIN is needed first');
  await changePin(offlineDb(), viewer, held, pin);
}
