// "Tải về để đọc ngoại tuyến": the meeting's pack (GET /api/meetings/{id}/pack: the agenda and
// every document the person may read, with short-lived links and each file's SHA-256) is
// downloaded file by file with progress, each file is checked against the manifest's SHA-256, and
// the files, the manifest and the agenda are stored in IndexedDB. A file already stored with the
// same SHA-256 is not downloaded again, so an interrupted download resumes and an update fetches
// only what changed. The pack's fingerprint and the time are shown so delegates can compare.
// The files and the manifest are sealed with the person's vault key (keyring.ts, vault.ts) after
// the check and before they are stored; what is stored in clear is in db.ts.

import { isApiError } from '../api/problem';
import type { Id, Pack, PackFile } from '../api/types';
import { type FileRow, type OfflineDb, type PackRow, type PackSecret, type StoredFile, type StoredPack, fileKey, packKey } from './db';
import type { Sealer } from './keyring';

/** Lower-case hex SHA-256 of the bytes (Web Crypto: needs a secure context, https or localhost). */
export async function sha256Hex(data: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new PackError('no-crypto');
  const digest = await subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The bytes are the ones the manifest names (case of the hex digits does not matter). */
export async function verifyBytes(data: ArrayBuffer | Uint8Array<ArrayBuffer>, expected: string | undefined): Promise<boolean> {
  if (!expected) return false;
  return (await sha256Hex(data)) === expected.trim().toLowerCase();
}

export type PackErrorCode = 'no-crypto' | 'hash-mismatch' | 'http' | 'network' | 'incomplete' | 'no-link' | 'aborted' | 'storage';

/** Why a file of the pack could not be stored (the UI says it in words). */
export class PackError extends Error {
  constructor(
    readonly code: PackErrorCode,
    readonly status = 0,
  ) {
    super(code);
    this.name = 'PackError';
  }
}

export type FileState = 'waiting' | 'downloading' | 'verifying' | 'done' | 'failed';

export interface FileProgress {
  documentId: Id;
  version: number;
  title: string;
  size: number;
  loaded: number;
  state: FileState;
  error?: PackError;
}

export interface PackProgress {
  files: FileProgress[];
  loaded: number;
  total: number;
}

export interface DownloadOptions {
  /** the person the pack is for (rows are theirs) */
  viewer: Id;
  onProgress: (p: PackProgress) => void;
  /** read the pack again for fresh links (they live minutes) */
  renew: () => Promise<Pack>;
  signal?: AbortSignal;
  /** fetch (tests) */
  fetcher?: typeof fetch;
  /** kept with the pack: whether annotating is offered offline */
  canAnnotate?: boolean;
}

/** Read a response body with progress; at most `limit` bytes (the manifest's size) are accepted. */
async function readBody(res: Response, limit: number, onChunk: (loaded: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const reader = res.body?.getReader();
  if (!reader) {
    const whole = new Uint8Array(await res.arrayBuffer());
    onChunk(whole.byteLength);
    return whole;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (loaded > limit) {
      await reader.cancel();
      throw new PackError('incomplete');
    }
    chunks.push(value);
    onChunk(loaded);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Download and check one file (once again with a fresh link when the first one expired). */
async function fetchFile(file: PackFile, options: DownloadOptions, onChunk: (loaded: number) => void, verifying: () => void): Promise<Uint8Array<ArrayBuffer>> {
  const doFetch = options.fetcher ?? fetch;
  let url = file.url;
  for (let attempt = 0; ; attempt++) {
    if (!url) throw new PackError('no-link');
    let res: Response;
    try {
      res = await doFetch(url, { signal: options.signal, cache: 'no-store' });
    } catch (e) {
      if (options.signal?.aborted) throw new PackError('aborted');
      if (attempt === 0 && !(e instanceof DOMException && e.name === 'AbortError')) {
        url = (await freshLink(file, options)) ?? url;
        continue;
      }
      throw new PackError('network');
    }
    if (!res.ok) {
      // an expired link (403) or a copy being made: ask for new links once
      if (attempt === 0 && (res.status === 403 || res.status === 404 || res.status === 410)) {
        url = await freshLink(file, options);
        continue;
      }
      throw new PackError('http', res.status);
    }
    const size = file.size ?? Number.MAX_SAFE_INTEGER;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readBody(res, size, onChunk);
    } catch (e) {
      if (e instanceof PackError) throw e;
      if (options.signal?.aborted) throw new PackError('aborted');
      throw new PackError('network');
    }
    verifying();
    if (file.size != null && bytes.byteLength !== file.size) throw new PackError('incomplete');
    if (!(await verifyBytes(bytes, file.sha256))) {
      if (attempt === 0) {
        url = await freshLink(file, options);
        continue;
      }
      throw new PackError('hash-mismatch');
    }
    return bytes;
  }
}

async function freshLink(file: PackFile, options: DownloadOptions): Promise<string | undefined> {
  try {
    const again = await options.renew();
    return again.files?.find((f) => f.documentId === file.documentId && f.version === file.version)?.url;
  } catch (e) {
    if (isApiError(e) && e.status === 0) throw new PackError('network');
    throw e;
  }
}

/** What a stored pack keeps of a manifest line. */
function manifestLine(f: PackFile) {
  const { url: _url, expiresAt: _expires, ...rest } = f;
  return rest;
}

export interface DownloadResult {
  pack: StoredPack | null;
  progress: PackProgress;
}

/**
 * Download every file of `pack` that is not stored yet, check and store it; when all are there,
 * store the manifest (and forget files of the meeting the new manifest no longer names). Returns
 * the stored pack, or null when a file failed (the files done are kept: trying again resumes).
 */
export async function downloadPack(db: OfflineDb, sealer: Sealer, pack: Pack, options: DownloadOptions): Promise<DownloadResult> {
  if (sealer.viewer !== options.viewer || !sealer.kid) throw new Error('a pack is sealed with its person’s vault key');
  const meetingId = pack.meetingId as Id;
  const files = (pack.files ?? []).filter((f) => f.documentId != null && f.version != null);
  const progress: PackProgress = {
    files: files.map((f) => ({ documentId: f.documentId as Id, version: f.version as number, title: f.title ?? f.fileName ?? '', size: f.size ?? 0, loaded: 0, state: 'waiting' })),
    loaded: 0,
    total: files.reduce((sum, f) => sum + (f.size ?? 0), 0),
  };
  const emit = () => {
    progress.loaded = progress.files.reduce((sum, f) => sum + f.loaded, 0);
    options.onProgress({ ...progress, files: progress.files.map((f) => ({ ...f })) });
  };
  emit();
  let failed = false;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as PackFile;
    const line = progress.files[i] as FileProgress;
    const key = fileKey(options.viewer, line.documentId, line.version);
    const have = await db.files.get(key);
    if (have && file.sha256 && have.sha256 === file.sha256.toLowerCase() && have.sealed?.kid === sealer.kid) {
      line.loaded = line.size;
      line.state = 'done';
      emit();
      continue;
    }
    line.state = 'downloading';
    emit();
    try {
      const bytes = await fetchFile(
        file,
        options,
        (loaded) => {
          line.loaded = Math.min(loaded, line.size || loaded);
          emit();
        },
        () => {
          line.state = 'verifying';
          emit();
        },
      );
      let row: FileRow;
      try {
        row = {
          key,
          viewer: options.viewer,
          meetingId,
          documentId: line.documentId,
          version: line.version,
          size: bytes.byteLength,
          sha256: (file.sha256 ?? '').toLowerCase(),
          storedAt: new Date().toISOString(),
          sealed: await sealer.sealBytes(bytes, fileAad(key)),
        };
      } catch {
        throw new PackError('no-crypto');
      }
      try {
        await db.files.put(row);
      } catch {
        throw new PackError('storage');
      }
      line.loaded = line.size;
      line.state = 'done';
    } catch (e) {
      line.state = 'failed';
      line.error = e instanceof PackError ? e : new PackError('network');
      failed = true;
      if (line.error.code === 'aborted') {
        emit();
        break;
      }
    }
    emit();
  }
  if (failed) return { pack: null, progress };

  const stored: StoredPack = {
    key: packKey(options.viewer, meetingId),
    viewer: options.viewer,
    meetingId,
    meetingTitle: pack.meetingTitle ?? '',
    generatedAt: pack.generatedAt ?? new Date().toISOString(),
    downloadedAt: new Date().toISOString(),
    fingerprint: pack.fingerprint ?? '',
    totalBytes: pack.totalBytes ?? progress.total,
    agenda: pack.agenda ?? null,
    files: files.map(manifestLine),
    canAnnotate: options.canAnnotate,
  };
  const secret: PackSecret = { meetingTitle: stored.meetingTitle, generatedAt: stored.generatedAt, agenda: stored.agenda, files: stored.files, canAnnotate: stored.canAnnotate };
  const row: PackRow = {
    key: stored.key,
    viewer: stored.viewer,
    meetingId,
    fingerprint: stored.fingerprint,
    downloadedAt: stored.downloadedAt,
    totalBytes: stored.totalBytes,
    versions: files.map((f) => [f.documentId as Id, f.version as number]),
    sealed: await sealer.seal(secret, packAad(stored.key)),
  };
  const keep = new Set(files.map((f) => fileKey(options.viewer, f.documentId as Id, f.version as number)));
  await db.transaction('rw', db.packs, db.files, db.meta, async () => {
    await db.packs.put(row);
    const old = await db.files.where('[viewer+meetingId]').equals([options.viewer, meetingId]).primaryKeys();
    const gone = old.filter((k) => !keep.has(k));
    if (gone.length) await db.files.bulkDelete(gone);
    const dropped = await db.meta.get('legacyDropped');
    if (dropped?.viewers?.includes(options.viewer)) await db.meta.put({ ...dropped, viewers: dropped.viewers.filter((v) => v !== options.viewer) });
  });
  return { pack: stored, progress };
}

const fileAad = (key: string) => `file:${key}`;
const packAad = (key: string) => `pack:${key}`;

/** The person's stored pack of a meeting: null when none, 'locked' when the key to open it is not held. */
export async function storedPack(db: OfflineDb, sealer: Sealer | null, viewer: Id, meetingId: Id): Promise<StoredPack | 'locked' | null> {
  const row = await db.packs.get(packKey(viewer, meetingId));
  if (!row) return null;
  return openPack(sealer, row);
}

/** A stored pack's row opened: 'locked' when `sealer` (null: the key is not held) cannot open it. */
export async function openPack(sealer: Sealer | null, row: PackRow): Promise<StoredPack | 'locked'> {
  const secret = sealer && sealer.viewer === row.viewer ? await sealer.open<PackSecret>(row.sealed, packAad(row.key)) : null;
  if (!secret) return 'locked';
  const { sealed: _sealed, versions: _versions, ...clear } = row;
  return { ...clear, ...secret };
}

/** Every pack the person stored, opened (the offline list of meetings); none when locked. */
export async function storedPacks(db: OfflineDb, sealer: Sealer): Promise<StoredPack[]> {
  const rows = await db.packs.where('viewer').equals(sealer.viewer).toArray();
  const opened = await Promise.all(rows.map((r) => openPack(sealer, r)));
  return opened.filter((p): p is StoredPack => p !== 'locked').sort((a, b) => b.downloadedAt.localeCompare(a.downloadedAt));
}

/** The stored bytes of one document version (null when not stored, or the key is not held). */
export async function storedFile(db: OfflineDb, sealer: Sealer | null, viewer: Id, documentId: Id, version: number): Promise<StoredFile | null> {
  const key = fileKey(viewer, documentId, version);
  const row = await db.files.get(key);
  if (!row || !sealer || sealer.viewer !== viewer) return null;
  const data = await sealer.openBytes(row.sealed, fileAad(key));
  if (!data) return null;
  return { documentId: row.documentId, version: row.version, size: row.size, sha256: row.sha256, data };
}

/** Remove a meeting's pack and its files from this device. */
export async function removePack(db: OfflineDb, viewer: Id, meetingId: Id): Promise<void> {
  await db.transaction('rw', db.packs, db.files, async () => {
    await db.packs.delete(packKey(viewer, meetingId));
    await db.files.where('[viewer+meetingId]').equals([viewer, meetingId]).delete();
  });
}

/** Ask the browser not to evict what is stored (it may say no; the pack is stored anyway). */
export async function askPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Free space the browser lets this site use, in bytes (null when it does not say). */
export async function freeSpace(): Promise<number | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    if (!e || e.quota == null) return null;
    return Math.max(0, e.quota - (e.usage ?? 0));
  } catch {
    return null;
  }
}
