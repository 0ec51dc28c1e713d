// The annotations of a document version as this device knows them: the server's list (mine with
// tombstones, others' shared with me) as last read, with my changes that wait in the outbox laid
// over it. The reader shows this, online or not; the server's list replaces what is cached except
// the annotations whose change has not been sent yet. Every row is sealed at rest (keyring.ts);
// a row sealed with a key not held now is left out (and replaced by the next server list).
//
// Sealing is Web Crypto, not IndexedDB: it is done before a transaction starts (a transaction
// that waits for anything else commits on its own).

import type { AnnotationInput, AnnotationView, Id } from '../api/types';
import { type AnnotationRow, type OfflineDb, type StoredAnnotation, annotationKey, fileKey } from './db';
import type { Sealer } from './keyring';
import { putItem, sealItem } from './outbox';

/** An annotation as the reader shows it: `pending` while its change waits in the outbox. */
export interface LocalAnnotation extends AnnotationView {
  id: string;
  pending?: boolean;
}

/** What the server's list changes in the cache: rows to write and keys to delete. */
export interface CacheUpdate {
  put: StoredAnnotation[];
  remove: string[];
}

/**
 * The cache after reading the server's list: the server's rows replace the cached ones, rows the
 * server no longer lists go (no longer shared with me), and rows with a change waiting stay as
 * they are here.
 */
export function mergeServerList(
  cached: readonly Pick<StoredAnnotation, 'key' | 'id'>[],
  server: readonly AnnotationView[],
  pending: ReadonlySet<string>,
  viewer: Id,
  docKey: string,
): CacheUpdate {
  const put: StoredAnnotation[] = [];
  const listed = new Set<string>();
  for (const a of server) {
    if (!a.id) continue;
    listed.add(a.id);
    if (pending.has(a.id)) continue;
    put.push({ ...a, key: annotationKey(viewer, a.id), viewer, docKey });
  }
  const remove = cached.filter((c) => c.id && !listed.has(c.id) && !pending.has(c.id)).map((c) => c.key);
  return { put, remove };
}

/** The annotations to show: not deleted, with `pending` marked, oldest first. */
export function visibleAnnotations(rows: readonly StoredAnnotation[], pending: ReadonlySet<string>): LocalAnnotation[] {
  return rows
    .filter((r): r is StoredAnnotation & { id: string } => !!r.id && !r.deleted)
    .map(({ key: _key, viewer: _viewer, docKey: _docKey, ...a }) => ({ ...a, id: a.id as string, pending: pending.has(a.id as string) || undefined }))
    .sort((a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '') || a.id.localeCompare(b.id));
}

async function pendingIds(db: OfflineDb, viewer: Id, documentId: Id, version: number): Promise<Set<string>> {
  const rows = await db.outbox.where('viewer').equals(viewer).toArray();
  return new Set(rows.filter((r) => r.documentId === documentId && r.version === version).map((r) => r.annotationId));
}

async function sealRow(sealer: Sealer, a: StoredAnnotation): Promise<AnnotationRow> {
  const { key, viewer, docKey, ...view } = a;
  return { key, viewer, docKey, id: a.id ?? '', sealed: await sealer.seal(view, key) };
}

async function openRow(sealer: Sealer, row: AnnotationRow | undefined): Promise<StoredAnnotation | null> {
  if (!row) return null;
  const view = await sealer.open<AnnotationView>(row.sealed, row.key);
  return view ? { ...view, key: row.key, viewer: row.viewer, docKey: row.docKey } : null;
}

/** Put the server's list into the cache (see {@link mergeServerList}). */
export async function storeServerList(db: OfflineDb, sealer: Sealer, documentId: Id, version: number, list: readonly AnnotationView[]): Promise<void> {
  const viewer = sealer.viewer;
  const docKey = fileKey(viewer, documentId, version);
  const cached = await db.annotations.where('docKey').equals(docKey).toArray();
  const update = mergeServerList(cached, list, await pendingIds(db, viewer, documentId, version), viewer, docKey);
  const sealed = await Promise.all(update.put.map((a) => sealRow(sealer, a)));
  await db.transaction('rw', db.annotations, db.outbox, async () => {
    // a change made meanwhile wins over the server's older copy
    const pending = await pendingIds(db, viewer, documentId, version);
    const remove = update.remove.filter((k) => !pending.has(cached.find((c) => c.key === k)?.id ?? ''));
    if (remove.length) await db.annotations.bulkDelete(remove);
    const put = sealed.filter((r) => !pending.has(r.id));
    if (put.length) await db.annotations.bulkPut(put);
  });
}

/** What the reader shows for a document version. */
export async function readAnnotations(db: OfflineDb, sealer: Sealer, documentId: Id, version: number): Promise<LocalAnnotation[]> {
  const viewer = sealer.viewer;
  const [rows, pending] = await Promise.all([db.annotations.where('docKey').equals(fileKey(viewer, documentId, version)).toArray(), pendingIds(db, viewer, documentId, version)]);
  const opened = (await Promise.all(rows.map((r) => openRow(sealer, r)))).filter((r): r is StoredAnnotation => r !== null);
  return visibleAnnotations(opened, pending);
}

/** The person who makes a change here (an annotation made offline carries their name). */
export interface Author {
  personId: Id;
  name: string;
}

/** Write an annotation here at once and queue it for the server. */
export async function saveAnnotation(db: OfflineDb, sealer: Sealer, author: Author, id: string, body: AnnotationInput): Promise<void> {
  const viewer = author.personId;
  if (viewer !== sealer.viewer) throw new Error('another person’s sealer');
  const key = annotationKey(viewer, id);
  const before = await openRow(sealer, await db.annotations.get(key));
  const annotation: StoredAnnotation = {
    ...before,
    id,
    key,
    viewer,
    docKey: fileKey(viewer, body.documentId, body.version),
    documentId: body.documentId,
    version: body.version,
    personId: viewer,
    authorName: before?.authorName ?? author.name,
    mine: true,
    kind: body.kind,
    page: body.page,
    color: body.color,
    rects: body.rects,
    paths: body.paths,
    note: body.note,
    sharing: body.sharing,
    sharedWith: body.sharedWith,
    deleted: false,
    updatedAt: new Date().toISOString(),
  };
  const row = await sealRow(sealer, annotation);
  const item = await sealItem(sealer, { viewer, annotationId: id, op: 'put', body, documentId: body.documentId, version: body.version });
  await db.transaction('rw', db.annotations, db.outbox, async () => {
    await db.annotations.put(row);
    await putItem(db, item);
  });
}

/** Delete one of my annotations here at once (a tombstone) and queue the deletion. */
export async function deleteAnnotation(db: OfflineDb, sealer: Sealer, annotation: Pick<AnnotationView, 'id' | 'documentId' | 'version'>): Promise<void> {
  const { id, documentId, version } = annotation;
  const viewer = sealer.viewer;
  if (!id || documentId == null || version == null) return;
  const key = annotationKey(viewer, id);
  const before = await openRow(sealer, await db.annotations.get(key));
  const row = before ? await sealRow(sealer, { ...before, deleted: true, updatedAt: new Date().toISOString() }) : null;
  const item = await sealItem(sealer, { viewer, annotationId: id, op: 'delete', documentId, version });
  await db.transaction('rw', db.annotations, db.outbox, async () => {
    if (row) await db.annotations.put(row);
    await putItem(db, item);
  });
}

/** The server took a change: keep its answer, unless a newer change of the same annotation waits. */
export async function storeSent(db: OfflineDb, sealer: Sealer, annotationId: string, view: AnnotationView | undefined, deleted: boolean): Promise<void> {
  const viewer = sealer.viewer;
  const key = annotationKey(viewer, annotationId);
  let row: AnnotationRow | null = null;
  if (view?.id && view.documentId != null && view.version != null) {
    row = await sealRow(sealer, { ...view, key, viewer, docKey: fileKey(viewer, view.documentId, view.version) });
  } else if (deleted) {
    const before = await openRow(sealer, await db.annotations.get(key));
    if (before) row = await sealRow(sealer, { ...before, deleted: true });
  }
  if (!row) return;
  const write = row;
  await db.transaction('rw', db.annotations, db.outbox, async () => {
    const newer = await db.outbox.where('[viewer+annotationId]').equals([viewer, annotationId]).count();
    if (newer > 0) return;
    await db.annotations.put(write);
  });
}
