// A person's vault on this device: their random data key, wrapped under their device PIN
// (crypto.ts), and the count of wrong PINs. The PIN is set while signed in, when the person first
// keeps a meeting's documents for reading offline; it opens the stored documents without network,
// also after the browser was closed (the sign-in page's "Đọc tài liệu đã lưu").
//
// Wrong PINs: every attempt is counted *before* the PIN is tried (closing the tab while it is
// tried does not save an attempt) and the count is reset by the right PIN. After
// MAX_PIN_ATTEMPTS wrong ones in a row the person's stored documents, annotations and waiting
// annotation changes are removed from the device with the vault; the form warns from
// WARN_REMAINING attempts left. Read receipts waiting to be sent are kept (ids and page numbers).

import type { Id } from '../api/types';
import { PBKDF2_ITERATIONS, MIN_ITERATIONS, newDataKey, newKid, unwrapDataKey, wrapDataKey } from './crypto';
import type { OfflineDb, VaultPerson, VaultRecord } from './db';
import { type HeldKey, type Sealer, fixedSealer } from './keyring';

export const MAX_PIN_ATTEMPTS = 5;
/** The PIN form warns that the documents will be removed when this many attempts or fewer are left. */
const WARN_REMAINING = 2;

/** What the wrapped key is bound to (another person's record does not open with it). */
const context = (viewer: Id) => `hopso-vault:${viewer}`;

export interface VaultOptions {
  /** PBKDF2 iterations (tests use fewer; the app the default) */
  iterations?: number;
  /** the fewest iterations accepted when unwrapping (tests) */
  minIterations?: number;
}

export class VaultExists extends Error {
  constructor() {
    super('this person already has a PIN on this device');
    this.name = 'VaultExists';
  }
}

export function getVault(db: OfflineDb, viewer: Id): Promise<VaultRecord | undefined> {
  return db.vaults.get(viewer);
}

/** The people with stored documents on this device. */
export function listVaults(db: OfflineDb): Promise<VaultRecord[]> {
  return db.vaults.toArray();
}

/** Set the person's PIN: a new data key, wrapped under it. Returns the key (to hold for the session). */
export async function createVault(db: OfflineDb, person: VaultPerson, pin: string, options: VaultOptions = {}): Promise<HeldKey> {
  if (await db.vaults.get(person.id)) throw new VaultExists();
  const key = await newDataKey();
  const kid = newKid('v');
  const wrapped = await wrapDataKey(key, pin, context(person.id), options.iterations ?? PBKDF2_ITERATIONS);
  const record: VaultRecord = { ...wrapped, viewer: person.id, person: cleanPerson(person), kid, failures: 0, createdAt: new Date().toISOString() };
  await db.transaction('rw', db.vaults, async () => {
    if (await db.vaults.get(person.id)) throw new VaultExists();
    await db.vaults.add(record);
  });
  return { kid, key };
}

function cleanPerson(p: VaultPerson): VaultPerson {
  return { id: p.id, username: p.username, fullName: p.fullName };
}

export type UnlockResult = { ok: true; key: HeldKey } | { ok: false; reason: 'wrong-pin'; remaining: number; wiped: boolean } | { ok: false; reason: 'no-vault'; remaining: 0; wiped: false };

/** Try a PIN: the data key, or how many attempts are left (0 and `wiped` after the last). */
export async function unlockVault(db: OfflineDb, viewer: Id, pin: string, options: VaultOptions = {}): Promise<UnlockResult> {
  // count the attempt first
  const record = await db.transaction('rw', db.vaults, async () => {
    const r = await db.vaults.get(viewer);
    if (!r) return undefined;
    r.failures += 1;
    await db.vaults.put(r);
    return r;
  });
  if (!record) return { ok: false, reason: 'no-vault', remaining: 0, wiped: false };
  const key = await unwrapDataKey(record, pin, context(viewer), options.minIterations ?? MIN_ITERATIONS);
  if (key) {
    await db.vaults.update(viewer, { failures: 0 });
    return { ok: true, key: { kid: record.kid, key } };
  }
  const remaining = remainingAttempts(record);
  if (remaining === 0) {
    await wipeViewer(db, viewer);
    return { ok: false, reason: 'wrong-pin', remaining: 0, wiped: true };
  }
  return { ok: false, reason: 'wrong-pin', remaining, wiped: false };
}

/** Attempts left before the stored documents are removed. */
export function remainingAttempts(record: Pick<VaultRecord, 'failures'>): number {
  return Math.max(0, MAX_PIN_ATTEMPTS - record.failures);
}

/** The PIN form warns that the stored documents will be removed (few attempts left). */
export function warnsOfWipe(remaining: number): boolean {
  return remaining <= WARN_REMAINING;
}

/** A new PIN for the same data key (the person holds it: they are signed in or entered the old PIN). */
export async function changePin(db: OfflineDb, viewer: Id, held: HeldKey, pin: string, options: VaultOptions = {}): Promise<void> {
  const record = await db.vaults.get(viewer);
  if (!record || record.kid !== held.kid) throw new Error('not this person’s key');
  const wrapped = await wrapDataKey(held.key, pin, context(viewer), options.iterations ?? PBKDF2_ITERATIONS);
  await db.vaults.put({ ...record, ...wrapped, failures: 0 });
}

/** Keep the name shown on the sign-in page up to date. */
export async function updatePerson(db: OfflineDb, person: VaultPerson): Promise<void> {
  const r = await db.vaults.get(person.id);
  if (r && (r.person.fullName !== person.fullName || r.person.username !== person.username)) {
    await db.vaults.update(person.id, { person: cleanPerson(person) });
  }
}

/**
 * Remove what the person stored on this device: the vault, the packs and files, the annotations
 * and the annotation changes sealed with a key that is gone with it. Read receipts stay.
 */
export async function wipeViewer(db: OfflineDb, viewer: Id): Promise<void> {
  await db.transaction('rw', [db.vaults, db.packs, db.files, db.annotations, db.outbox, db.meta], async () => {
    await db.vaults.delete(viewer);
    await db.packs.where('viewer').equals(viewer).delete();
    await db.files.where('viewer').equals(viewer).delete();
    await db.annotations.where('viewer').equals(viewer).delete();
    await db.outbox
      .where('viewer')
      .equals(viewer)
      .filter((item) => !!item.sealed)
      .delete();
  });
}

/**
 * Seal again with the vault key what this session sealed with its session key (annotations and
 * waiting changes made before the PIN was set or entered), so that it outlives the session.
 */
export async function rekey(db: OfflineDb, from: Sealer, to: HeldKey): Promise<void> {
  const viewer = from.viewer;
  const target = fixedSealer(viewer, to);
  const rows = await db.annotations.where('viewer').equals(viewer).toArray();
  for (const row of rows) {
    if (row.sealed?.kid === to.kid) continue;
    const value = await from.open<unknown>(row.sealed, row.key);
    if (value === null) continue;
    const sealed = await target.seal(value, row.key);
    await db.annotations.update(row.key, { sealed });
  }
  const items = await db.outbox.where('viewer').equals(viewer).toArray();
  for (const item of items) {
    if (item.seq === undefined) continue;
    if (item.body === undefined && (!item.sealed || item.sealed.kid === to.kid)) continue;
    const aad = outboxAad(viewer, item.annotationId);
    const body = item.body ?? (item.sealed ? await from.open<unknown>(item.sealed, aad) : null);
    if (body === null || body === undefined) continue;
    const sealed = await target.seal(body, aad);
    await db.outbox.where('seq').equals(item.seq).modify((row) => {
      row.sealed = sealed;
      delete row.body;
    });
  }
}

/** The additional data of a waiting change's sealed body. */
export const outboxAad = (viewer: Id, annotationId: string) => `outbox:${viewer}:${annotationId}`;
