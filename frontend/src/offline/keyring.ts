// The keys one person's rows are sealed with, and where this browser session keeps them.
//
// - The *vault key* (the person's data key, vault.ts) is held once the person set or entered their
//   PIN in this session: in memory and in sessionStorage, like the access token, so a reload or
//   reading online does not ask for the PIN again. It goes when the tab is closed or at sign-out.
// - While it is not held (no PIN set on this device yet, or not entered in this session), the
//   annotations and waiting changes are sealed with a *session key*: random, kept the same way,
//   never stored elsewhere. Rows sealed with it are readable in this session only; when the PIN
//   is set or entered they are sealed again with the vault key (vault.ts `rekey`).
// Stored packs are sealed with the vault key only.

import type { Id } from '../api/types';
import { type Sealed, exportKey, fromJsonBytes, hasWebCrypto, importKey, jsonBytes, newDataKey, newKid, openBytes, sealBytes } from './crypto';

/** Seals and opens one person's rows. */
export interface Sealer {
  readonly viewer: Id;
  /** the id of the one key a fixed sealer seals with (a vault key) */
  readonly kid?: string;
  /** seal with the key new rows get (the vault key when held, else the session key) */
  seal(value: unknown, aad: string): Promise<Sealed>;
  sealBytes(data: ArrayBuffer | Uint8Array<ArrayBuffer>, aad: string): Promise<Sealed>;
  /** null when the key it was sealed with is not held, or it does not open (changed, moved) */
  open<T>(sealed: Sealed, aad: string): Promise<T | null>;
  openBytes(sealed: Sealed, aad: string): Promise<ArrayBuffer | null>;
  /** the key it was sealed with is gone for good (a session key of an earlier session) */
  lost(sealed: Sealed): boolean;
}

export interface HeldKey {
  kid: string;
  key: CryptoKey;
}

/** Where a sealer finds its keys. */
export interface KeySource {
  /** the key new rows are sealed with */
  current(): Promise<HeldKey>;
  /** the key of this id, when held */
  find(kid: string): Promise<CryptoKey | null>;
  /** the id is a session key other than this session's */
  lost(kid: string): boolean;
}

/** A sealer from how it seals and opens bytes; values are sealed as JSON. */
function byteSealer(
  viewer: Id,
  kid: string | undefined,
  sealData: Sealer['sealBytes'],
  openData: Sealer['openBytes'],
  lost: Sealer['lost'],
): Sealer {
  return {
    viewer,
    kid,
    seal: (value, aad) => sealData(jsonBytes(value), aad),
    sealBytes: sealData,
    open: async <T>(sealed: Sealed, aad: string) => {
      const bytes = await openData(sealed, aad);
      return bytes === null ? null : fromJsonBytes<T>(bytes);
    },
    openBytes: openData,
    lost,
  };
}

export function sealerOf(viewer: Id, keys: KeySource, kid?: string): Sealer {
  return byteSealer(
    viewer,
    kid,
    async (data, aad) => {
      const k = await keys.current();
      return sealBytes(k.key, k.kid, data, aad);
    },
    async (sealed, aad) => {
      if (!sealed?.kid) return null;
      const key = await keys.find(sealed.kid);
      if (!key) return null;
      try {
        return await openBytes(key, sealed, aad);
      } catch {
        return null;
      }
    },
    (sealed) => !!sealed?.kid && keys.lost(sealed.kid),
  );
}

/** A sealer with fixed keys (a vault key for packs; tests). */
export function fixedSealer(viewer: Id, current: HeldKey, others: HeldKey[] = []): Sealer {
  const all = [current, ...others];
  return sealerOf(
    viewer,
    {
      current: async () => current,
      find: async (kid) => all.find((k) => k.kid === kid)?.key ?? null,
      lost: () => false,
    },
    current.kid,
  );
}

// ---------------------------------------------------------------------------------------------
// This browser session's keys

const STORAGE_KEY = 'hopso.keys';

interface StoredKeys {
  viewer: Id;
  vault?: { kid: string; raw: string };
  session?: { kid: string; raw: string };
}

interface Held {
  viewer: Id;
  vault?: HeldKey;
  session?: HeldKey;
}

let held: Promise<Held | null> | null = null;
let creating: Promise<HeldKey> | null = null;
let snapshot: StoredKeys | null = readStored();
let version = 0;
const listeners = new Set<() => void>();

function readStored(): StoredKeys | null {
  try {
    const raw = typeof sessionStorage !== 'undefined' ? sessionStorage.getItem(STORAGE_KEY) : null;
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredKeys;
    return typeof s.viewer === 'number' ? s : null;
  } catch {
    return null;
  }
}

function writeStored(s: StoredKeys | null): void {
  snapshot = s;
  version++;
  try {
    if (s) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable: memory still works for this page
  }
  for (const l of listeners) l();
}

async function load(): Promise<Held | null> {
  const s = snapshot;
  if (!s) return null;
  try {
    return {
      viewer: s.viewer,
      vault: s.vault ? { kid: s.vault.kid, key: await importKey(s.vault.raw) } : undefined,
      session: s.session ? { kid: s.session.kid, key: await importKey(s.session.raw) } : undefined,
    };
  } catch {
    return null;
  }
}

function heldKeys(): Promise<Held | null> {
  held ??= load();
  return held;
}

/** Keep `viewer`'s vault key for this session (another person's keys are dropped). */
export async function holdVaultKey(viewer: Id, vault: HeldKey): Promise<void> {
  const before = snapshot?.viewer === viewer ? snapshot : null;
  const next: StoredKeys = { viewer, vault: { kid: vault.kid, raw: await exportKey(vault.key) }, session: before?.session };
  const prev = await heldKeys();
  held = Promise.resolve({ viewer, vault, session: prev?.viewer === viewer ? prev.session : undefined });
  writeStored(next);
}

/** Forget the vault key only (the stored documents are locked again; the session key stays). */
export async function releaseVaultKey(): Promise<void> {
  if (!snapshot?.vault) return;
  const prev = await heldKeys();
  held = Promise.resolve(prev ? { ...prev, vault: undefined } : null);
  writeStored({ ...snapshot, vault: undefined });
}

/** Forget every key of this session (sign-out, another person). */
export function dropKeys(): void {
  held = Promise.resolve(null);
  writeStored(null);
}

/** The id of `viewer`'s vault key when it is held in this session. */
export function heldVaultKid(viewer: Id | null | undefined): string | null {
  return viewer != null && snapshot?.viewer === viewer ? (snapshot.vault?.kid ?? null) : null;
}

/** The person whose keys this session holds. */
export function keysViewer(): Id | null {
  return snapshot?.viewer ?? null;
}

/** Hear when keys are held or dropped (React: useSyncExternalStore with {@link keyringVersion}). */
export function onKeysChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function keyringVersion(): number {
  return version;
}

/** The session's key source for `viewer`: the vault key when held, else the session key (made on first use). */
export function sessionKeys(viewer: Id): KeySource {
  return {
    current: async () => {
      const h = await heldKeys();
      if (h?.viewer === viewer && h.vault) return h.vault;
      if (h?.viewer === viewer && h.session) return h.session;
      // one session key however many rows are sealed at once
      creating ??= (async () => {
        const session: HeldKey = { kid: newKid('s'), key: await newDataKey() };
        const raw = await exportKey(session.key);
        const base = h?.viewer === viewer ? h : { viewer };
        held = Promise.resolve({ ...base, session });
        writeStored({ viewer, vault: snapshot?.viewer === viewer ? snapshot.vault : undefined, session: { kid: session.kid, raw } });
        return session;
      })().finally(() => {
        creating = null;
      });
      return creating;
    },
    find: async (kid) => {
      const h = await heldKeys();
      if (h?.viewer !== viewer) return null;
      if (h.vault?.kid === kid) return h.vault.key;
      if (h.session?.kid === kid) return h.session.key;
      return null;
    },
    lost: (kid) => kid.startsWith('s:') && !(snapshot?.viewer === viewer && snapshot.session?.kid === kid),
  };
}

/** The sealer of `viewer`'s annotations and waiting changes in this session. */
export function sessionSealer(viewer: Id): Sealer {
  return hasWebCrypto() ? sealerOf(viewer, sessionKeys(viewer)) : plainSealer(viewer);
}

const PLAIN = 'plain';

/**
 * Where the page has no Web Crypto (plain http on a LAN address: it needs https or localhost),
 * annotations are kept as the app kept them before the PIN: in clear. No pack can be stored there
 * (checking its files needs Web Crypto too), so nothing confidential is. Only this sealer opens
 * such rows.
 */
function plainSealer(viewer: Id): Sealer {
  return byteSealer(
    viewer,
    undefined,
    async (data) => ({ kid: PLAIN, iv: new Uint8Array(0), data: data instanceof Uint8Array ? (data.slice().buffer as ArrayBuffer) : data }),
    async (sealed) => (sealed?.kid === PLAIN ? sealed.data : null),
    () => false,
  );
}

/** `viewer`'s vault key when held in this session (stored packs need it). */
export async function vaultKeyOf(viewer: Id): Promise<HeldKey | null> {
  const h = await heldKeys();
  return h?.viewer === viewer ? (h.vault ?? null) : null;
}
