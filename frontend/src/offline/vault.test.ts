import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDataKey, newKid } from './crypto';
import { OfflineDb, annotationKey } from './db';
import { type HeldKey, fixedSealer } from './keyring';
import { dexieOutbox } from './outbox';
import { queueReceipt } from './receipts';
import { readAnnotations, saveAnnotation } from './annotationCache';
import { MAX_PIN_ATTEMPTS, changePin, createVault, getVault, listVaults, rekey, remainingAttempts, unlockVault, warnsOfWipe, wipeViewer } from './vault';

const FAST = { iterations: 1_000, minIterations: 1_000 };
const ME = { id: 7, username: 'daibieu001', fullName: 'Nguyễn Văn An' };

let db: OfflineDb;
let n = 0;
beforeEach(() => {
  db = new OfflineDb(`vault-test-${++n}`, { indexedDB, IDBKeyRange });
});
afterEach(() => db.close());

/** A stored pack, a file, an annotation, a waiting change and a receipt of `viewer`, sealed with `key`. */
async function storeSomething(viewer: number, key: HeldKey) {
  const sealer = fixedSealer(viewer, key);
  await db.packs.put({ key: `${viewer}:5`, viewer, meetingId: 5, fingerprint: 'F', downloadedAt: 'now', totalBytes: 1, versions: [[31, 2]], sealed: await sealer.seal({}, 'x') });
  await db.files.put({ key: `${viewer}:31:2`, viewer, meetingId: 5, documentId: 31, version: 2, size: 1, sha256: 'ab', storedAt: 'now', sealed: await sealer.sealBytes(new Uint8Array([1]), 'y') });
  await saveAnnotation(db, sealer, { personId: viewer, name: 'A' }, `a-${viewer}`, { documentId: 31, version: 2, kind: 'NOTE', page: 1, color: '#FFE14D', rects: [[0.1, 0.1, 0, 0]], note: 'mật', sharing: 'PRIVATE' });
  await queueReceipt(db, viewer, 31, 2, [1]);
}

describe('vault', () => {
  it('sets a PIN, opens with it, and knows the person', async () => {
    const held = await createVault(db, ME, '2468', FAST);
    expect(held.kid).toMatch(/^v:/);
    const r = await getVault(db, 7);
    expect(r?.person.fullName).toBe('Nguyễn Văn An');
    expect(r?.failures).toBe(0);
    expect((await listVaults(db)).map((v) => v.viewer)).toEqual([7]);
    const opened = await unlockVault(db, 7, '2468', FAST);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.key.kid).toBe(held.kid);
    await expect(createVault(db, ME, '1357', FAST)).rejects.toThrow(/already/);
  });

  it('counts wrong PINs, warns before the last ones, and a right PIN resets the count', async () => {
    await createVault(db, ME, '2468', FAST);
    const first = await unlockVault(db, 7, '0000', FAST);
    expect(first).toEqual({ ok: false, reason: 'wrong-pin', remaining: MAX_PIN_ATTEMPTS - 1, wiped: false });
    const second = await unlockVault(db, 7, '1111', FAST);
    const third = await unlockVault(db, 7, '2222', FAST);
    expect(third.ok === false && third.remaining).toBe(2);
    // the form warns from 2 attempts left (docs/documents.md), not before
    expect(second.ok === false && warnsOfWipe(second.remaining)).toBe(false);
    expect(third.ok === false && warnsOfWipe(third.remaining)).toBe(true);
    expect(remainingAttempts((await getVault(db, 7))!)).toBe(2);
    expect((await unlockVault(db, 7, '2468', FAST)).ok).toBe(true);
    expect((await getVault(db, 7))?.failures).toBe(0);
  });

  it('removes the stored documents after the fifth wrong PIN in a row, and keeps other people’s', async () => {
    const mine = await createVault(db, ME, '2468', FAST);
    const theirs = await createVault(db, { id: 8, fullName: 'Trần Thị Bình' }, '1357', FAST);
    await storeSomething(7, mine);
    await storeSomething(8, theirs);
    let last;
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++) last = await unlockVault(db, 7, '9999', FAST);
    expect(last).toEqual({ ok: false, reason: 'wrong-pin', remaining: 0, wiped: true });
    expect(await getVault(db, 7)).toBeUndefined();
    expect(await db.packs.where('viewer').equals(7).count()).toBe(0);
    expect(await db.files.where('viewer').equals(7).count()).toBe(0);
    expect(await db.annotations.where('viewer').equals(7).count()).toBe(0);
    expect(await db.outbox.where('viewer').equals(7).count()).toBe(0);
    // the receipts are not secret and stay
    expect(await db.receipts.where('viewer').equals(7).count()).toBe(1);
    // the right PIN now finds nothing
    expect(await unlockVault(db, 7, '2468', FAST)).toMatchObject({ ok: false, reason: 'no-vault' });
    // the other person's are untouched
    expect(await db.packs.where('viewer').equals(8).count()).toBe(1);
    expect(await db.files.where('viewer').equals(8).count()).toBe(1);
    expect((await unlockVault(db, 8, '1357', FAST)).ok).toBe(true);
  });

  it('changes the PIN for the same key', async () => {
    const held = await createVault(db, ME, '2468', FAST);
    await changePin(db, 7, held, '97531', FAST);
    expect((await unlockVault(db, 7, '2468', FAST)).ok).toBe(false);
    const again = await unlockVault(db, 7, '97531', FAST);
    expect(again.ok && again.key.kid).toBe(held.kid);
  });

  it('wipes on request (sign-out on a shared tablet)', async () => {
    const held = await createVault(db, ME, '2468', FAST);
    await storeSomething(7, held);
    await wipeViewer(db, 7);
    expect(await getVault(db, 7)).toBeUndefined();
    expect(await db.files.count()).toBe(0);
  });

  it('seals again with the vault key what the session key sealed', async () => {
    const session: HeldKey = { kid: newKid('s'), key: await newDataKey() };
    const before = fixedSealer(7, session);
    await saveAnnotation(db, before, { personId: 7, name: 'A' }, 'n-1', { documentId: 31, version: 2, kind: 'NOTE', page: 1, color: '#FFE14D', rects: [[0.1, 0.1, 0, 0]], note: 'trước khi đặt PIN', sharing: 'PRIVATE' });
    const vault = await createVault(db, ME, '2468', FAST);
    await rekey(db, fixedSealer(7, vault, [session]), vault);
    const row = await db.annotations.get(annotationKey(7, 'n-1'));
    expect(row?.sealed.kid).toBe(vault.kid);
    // readable with the vault key alone (the session is over)
    const after = fixedSealer(7, vault);
    expect((await readAnnotations(db, after, 31, 2)).map((a) => a.note)).toEqual(['trước khi đặt PIN']);
    const [item] = await dexieOutbox(db, () => after).pending(7);
    expect(item?.body?.note).toBe('trước khi đặt PIN');
    expect(item?.locked).toBeUndefined();
  });
});

describe('upgrade from the unencrypted store', () => {
  it('removes clear packs, files and annotations, keeps waiting changes, and says whose packs went', async () => {
    const name = `legacy-${++n}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ packs: 'key, viewer', files: 'key, [viewer+meetingId]', annotations: 'key, docKey', outbox: '++seq, viewer, [viewer+annotationId]' });
    await v1.open();
    await v1.table('packs').put({ key: '7:5', viewer: 7, meetingId: 5, meetingTitle: 'Kỳ họp', files: [] });
    await v1.table('files').put({ key: '7:31:2', viewer: 7, meetingId: 5, documentId: 31, version: 2, data: new ArrayBuffer(4) });
    await v1.table('annotations').put({ key: '7:a', docKey: '7:31:2', viewer: 7, id: 'a', note: 'cũ' });
    await v1.table('outbox').add({ viewer: 7, annotationId: 'a', op: 'put', body: { documentId: 31, version: 2, kind: 'NOTE', page: 1, note: 'chưa gửi' }, documentId: 31, version: 2, createdAt: 1, attempts: 0 });
    v1.close();

    const v2 = new OfflineDb(name, { indexedDB, IDBKeyRange });
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.packs.count()).toBe(0);
    expect(await v2.files.count()).toBe(0);
    expect(await v2.annotations.count()).toBe(0);
    expect((await v2.meta.get('legacyDropped'))?.viewers).toEqual([7]);
    // the waiting change is kept and still sendable (its body was in clear already)
    const key = await newDataKey();
    const [item] = await dexieOutbox(v2, () => fixedSealer(7, { kid: 'v:x', key })).pending(7);
    expect(item?.body?.note).toBe('chưa gửi');
    v2.close();
  });
});
