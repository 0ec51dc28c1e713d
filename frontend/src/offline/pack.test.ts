import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '../api/types';
import { newDataKey, newKid } from './crypto';
import { OfflineDb, type StoredPack } from './db';
import { type HeldKey, type Sealer, fixedSealer } from './keyring';
import { type PackProgress, downloadPack, sha256Hex, storedFile, storedPack, storedPacks, verifyBytes } from './pack';
import { bytesInclude } from './testing';

const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s);

describe('verifyBytes', () => {
  it('accepts the bytes the manifest names, in either case of hex digits', async () => {
    const data = bytesOf('%PDF-1.7 Báo cáo');
    const hash = await sha256Hex(data);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyBytes(data, hash)).toBe(true);
    expect(await verifyBytes(data, hash.toUpperCase())).toBe(true);
  });

  it('detects a changed byte and a missing hash', async () => {
    const hash = await sha256Hex(bytesOf('%PDF-1.7 Báo cáo'));
    expect(await verifyBytes(bytesOf('%PDF-1.7 Báo cáO'), hash)).toBe(false);
    expect(await verifyBytes(bytesOf('x'), undefined)).toBe(false);
  });

  it('knows the SHA-256 of "abc"', async () => {
    expect(await sha256Hex(bytesOf('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('downloadPack', () => {
  let db: OfflineDb;
  let key: HeldKey;
  let sealer: Sealer;
  let n = 0;
  beforeEach(async () => {
    db = new OfflineDb(`pack-test-${++n}`, { indexedDB, IDBKeyRange });
    key = { kid: newKid('v'), key: await newDataKey() };
    sealer = fixedSealer(7, key);
  });
  afterEach(() => db.close());

  const content: Record<string, string> = { '/api/files/a': '%PDF a', '/api/files/b': '%PDF bb' };
  const fetcher = (served: Record<string, string>, log: string[] = []) =>
    (async (input: RequestInfo | URL) => {
      const url = String(input);
      log.push(url);
      const body = served[url];
      return body === undefined ? new Response('gone', { status: 403 }) : new Response(bytesOf(body));
    }) as typeof fetch;

  async function manifest(hashB?: string): Promise<Pack> {
    return {
      meetingId: 5,
      meetingTitle: 'Kỳ họp thứ 12',
      generatedAt: '2026-11-22T01:00:00Z',
      fingerprint: '3F2A-91C0-0000-1111',
      totalBytes: 13,
      files: [
        { documentId: 1, version: 1, title: 'A', fileName: 'a.pdf', size: 6, sha256: await sha256Hex(bytesOf('%PDF a')), url: '/api/files/a' },
        { documentId: 2, version: 3, title: 'B', fileName: 'b.pdf', size: 7, sha256: hashB ?? (await sha256Hex(bytesOf('%PDF bb'))), url: '/api/files/b' },
      ],
    };
  }

  it('stores verified files and the manifest, with progress up to the total', async () => {
    const seen: PackProgress[] = [];
    const pack = await manifest();
    const result = await downloadPack(db, sealer, pack, { viewer: 7, onProgress: (p) => seen.push(p), renew: async () => pack, fetcher: fetcher(content) });
    expect(result.pack?.fingerprint).toBe('3F2A-91C0-0000-1111');
    expect(seen[seen.length - 1]?.loaded).toBe(13);
    expect(seen[seen.length - 1]?.files.every((f) => f.state === 'done')).toBe(true);
    expect(((await storedPack(db, sealer, 7, 5)) as StoredPack).files).toHaveLength(2);
    const b = await storedFile(db, sealer, 7, 2, 3);
    expect(new TextDecoder().decode(b?.data)).toBe('%PDF bb');
    expect(await storedPack(db, fixedSealer(8, key), 8, 5)).toBeNull();
  });

  it('detects a file whose hash does not match the manifest and stores no pack', async () => {
    const pack = await manifest('0'.repeat(64));
    const result = await downloadPack(db, sealer, pack, { viewer: 7, onProgress: () => undefined, renew: async () => pack, fetcher: fetcher(content) });
    expect(result.pack).toBeNull();
    const failed = result.progress.files.find((f) => f.documentId === 2);
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.code).toBe('hash-mismatch');
    expect(await storedFile(db, sealer, 7, 2, 3)).toBeNull();
    expect(await storedPack(db, sealer, 7, 5)).toBeNull();
    // the good file is kept: trying again does not fetch it twice
    const log: string[] = [];
    const good = await manifest();
    await downloadPack(db, sealer, good, { viewer: 7, onProgress: () => undefined, renew: async () => good, fetcher: fetcher(content, log) });
    expect(log).toEqual(['/api/files/b']);
  });

  it('asks for fresh links when one has expired', async () => {
    const pack = await manifest();
    const expired: Pack = { ...pack, files: pack.files?.map((f) => ({ ...f, url: `${f.url}-old` })) };
    const log: string[] = [];
    const result = await downloadPack(db, sealer, expired, { viewer: 7, onProgress: () => undefined, renew: async () => pack, fetcher: fetcher(content, log) });
    expect(result.pack).not.toBeNull();
    expect(log).toEqual(['/api/files/a-old', '/api/files/a', '/api/files/b-old', '/api/files/b']);
  });
  it('stores the files and the manifest sealed, and opens them with the key only', async () => {
    const pack = await manifest();
    await downloadPack(db, sealer, pack, { viewer: 7, onProgress: () => undefined, renew: async () => pack, fetcher: fetcher(content), canAnnotate: true });
    const row = await db.files.get('7:2:3');
    expect(row?.sealed.kid).toBe(key.kid);
    expect(bytesInclude(row?.sealed.data as ArrayBuffer, '%PDF bb')).toBe(false);
    expect(row?.sha256).toBe(await sha256Hex(bytesOf('%PDF bb')));
    const packRow = await db.packs.get('7:5');
    expect(JSON.stringify(packRow)).not.toContain('Kỳ họp');
    expect(packRow?.versions).toEqual([
      [1, 1],
      [2, 3],
    ]);
    // opened with the key: the manifest as it was
    const opened = (await storedPack(db, sealer, 7, 5)) as StoredPack;
    expect(opened.meetingTitle).toBe('Kỳ họp thứ 12');
    expect(opened.canAnnotate).toBe(true);
    expect((await storedPacks(db, sealer)).map((p) => p.meetingId)).toEqual([5]);
    // without it (locked), or with another key: nothing readable
    expect(await storedPack(db, null, 7, 5)).toBe('locked');
    const other = fixedSealer(7, { kid: newKid('v'), key: await newDataKey() });
    expect(await storedPack(db, other, 7, 5)).toBe('locked');
    expect(await storedFile(db, other, 7, 2, 3)).toBeNull();
    expect(await storedFile(db, null, 7, 2, 3)).toBeNull();
  });

  it('downloads again a file sealed with a key that is gone (a new PIN after a wipe)', async () => {
    const pack = await manifest();
    await downloadPack(db, sealer, pack, { viewer: 7, onProgress: () => undefined, renew: async () => pack, fetcher: fetcher(content) });
    const log: string[] = [];
    const fresh = fixedSealer(7, { kid: newKid('v'), key: await newDataKey() });
    await downloadPack(db, fresh, pack, { viewer: 7, onProgress: () => undefined, renew: async () => pack, fetcher: fetcher(content, log) });
    expect(log).toEqual(['/api/files/a', '/api/files/b']);
    expect(new TextDecoder().decode((await storedFile(db, fresh, 7, 1, 1))?.data)).toBe('%PDF a');
  });
});
