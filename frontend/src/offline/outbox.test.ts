import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api/problem';
import type { AnnotationInput, AnnotationView } from '../api/types';
import { deleteAnnotation, mergeServerList, readAnnotations, saveAnnotation, storeSent, storeServerList } from './annotationCache';
import { newDataKey, newKid } from './crypto';
import { OfflineDb, type StoredAnnotation } from './db';
import { type HeldKey, type Sealer, fixedSealer, sealerOf } from './keyring';
import { type OutboxSender, type OutboxStore, OutboxRunner, annotationQueue, dexieOutbox, flushOutbox, verdict } from './outbox';
import { bytesInclude } from './testing';

const ME = 7;
const author = { personId: ME, name: 'Nguyễn Văn An' };

let db: OfflineDb;
let store: OutboxStore;
let sealer: Sealer;
let key: HeldKey;
let dbNo = 0;

beforeEach(async () => {
  db = new OfflineDb(`outbox-test-${++dbNo}`, { indexedDB, IDBKeyRange });
  key = { kid: newKid('v'), key: await newDataKey() };
  sealer = fixedSealer(ME, key);
  store = dexieOutbox(db, (viewer) => fixedSealer(viewer, key));
});

afterEach(() => db.close());

const body = (page: number, note?: string): AnnotationInput => ({
  documentId: 31,
  version: 2,
  kind: note ? 'NOTE' : 'HIGHLIGHT',
  page,
  color: '#FFE14D',
  rects: [[0.1, 0.2, 0.5, 0.02]],
  note,
  sharing: 'PRIVATE',
});

const apiError = (status: number, code = '') => new ApiError({ status, code, errors: [] });

/** A server that keeps annotations by id, answering what `script` says first. */
function fakeServer(script: (unknown | null)[] = []) {
  const saved = new Map<string, AnnotationInput & { deleted?: boolean; rev: number }>();
  const calls: string[] = [];
  const next = () => {
    const e = script.shift();
    if (e) throw e;
  };
  const sender: OutboxSender = {
    put: async (id, b) => {
      calls.push(`put ${id} p${b.page}`);
      next();
      const rev = (saved.get(id)?.rev ?? 0) + 1;
      saved.set(id, { ...b, rev });
      return { id, documentId: b.documentId, version: b.version, page: b.page, kind: b.kind, personId: ME, mine: true, rev } satisfies AnnotationView;
    },
    remove: async (id) => {
      calls.push(`delete ${id}`);
      next();
      const a = saved.get(id);
      if (a) saved.set(id, { ...a, deleted: true, rev: a.rev + 1 });
    },
  };
  return { sender, saved, calls };
}

describe('verdict', () => {
  it('keeps a change after no answer, 5xx, 401, 408 and 429; drops it after another 4xx', () => {
    expect(verdict(networkError())).toBe('retry');
    expect(verdict(apiError(500))).toBe('retry');
    expect(verdict(apiError(503))).toBe('retry');
    expect(verdict(apiError(401))).toBe('retry');
    expect(verdict(apiError(408))).toBe('retry');
    expect(verdict(apiError(429))).toBe('retry');
    expect(verdict(apiError(400))).toBe('drop');
    expect(verdict(apiError(403))).toBe('drop');
    expect(verdict(apiError(404))).toBe('drop');
    expect(verdict(apiError(409))).toBe('drop');
    expect(verdict(new TypeError('Failed to fetch'))).toBe('retry');
  });
});

describe('flushOutbox', () => {
  it('sends the changes in the order they were made', async () => {
    await store.enqueue({ viewer: ME, annotationId: 'a', op: 'put', body: body(1), documentId: 31, version: 2 });
    await store.enqueue({ viewer: ME, annotationId: 'b', op: 'put', body: body(2), documentId: 31, version: 2 });
    await store.enqueue({ viewer: ME, annotationId: 'c', op: 'delete', documentId: 31, version: 2 });
    const server = fakeServer();
    const result = await flushOutbox(store, server.sender, ME);
    expect(server.calls).toEqual(['put a p1', 'put b p2', 'delete c']);
    expect(result).toEqual({ sent: 3, dropped: 0, remaining: 0 });
  });

  it('keeps the change and everything behind it after a network error or a 5xx, and resumes in order', async () => {
    await store.enqueue({ viewer: ME, annotationId: 'a', op: 'put', body: body(1), documentId: 31, version: 2 });
    await store.enqueue({ viewer: ME, annotationId: 'b', op: 'put', body: body(2), documentId: 31, version: 2 });
    const server = fakeServer([null, networkError()]);
    const first = await flushOutbox(store, server.sender, ME);
    expect(first.sent).toBe(1);
    expect(first.remaining).toBe(1);
    const [waiting] = await store.pending(ME);
    expect(waiting?.annotationId).toBe('b');
    expect(waiting?.attempts).toBe(1);

    const again = fakeServer([apiError(502)]);
    expect((await flushOutbox(store, again.sender, ME)).remaining).toBe(1);
    const last = fakeServer();
    expect((await flushOutbox(store, last.sender, ME)).remaining).toBe(0);
    expect(last.calls).toEqual(['put b p2']);
  });

  it('sends a change again after a lost answer without doubling it (same UUID)', async () => {
    await store.enqueue({ viewer: ME, annotationId: 'u-1', op: 'put', body: body(4, 'Đề nghị làm rõ'), documentId: 31, version: 2 });
    const server = fakeServer();
    // the server saves it, but the answer never arrives
    const lostAnswer: OutboxSender = {
      put: async (id, b) => {
        await server.sender.put(id, b);
        throw networkError();
      },
      remove: server.sender.remove,
    };
    expect((await flushOutbox(store, lostAnswer, ME)).remaining).toBe(1);
    expect((await flushOutbox(store, server.sender, ME)).remaining).toBe(0);
    expect(server.saved.size).toBe(1);
    expect(server.saved.get('u-1')?.note).toBe('Đề nghị làm rõ');
  });

  it('drops a change refused with a 4xx (not 401/408/429) and goes on with the next', async () => {
    await store.enqueue({ viewer: ME, annotationId: 'a', op: 'put', body: body(999), documentId: 31, version: 2 });
    await store.enqueue({ viewer: ME, annotationId: 'b', op: 'put', body: body(2), documentId: 31, version: 2 });
    const dropped: string[] = [];
    const server = fakeServer([apiError(400, 'request.invalid')]);
    const result = await flushOutbox(store, server.sender, ME, { onDropped: (item) => dropped.push(item.annotationId) });
    expect(result).toEqual({ sent: 1, dropped: 1, remaining: 0 });
    expect(dropped).toEqual(['a']);
    expect(server.calls).toEqual(['put a p999', 'put b p2']);
  });

  it('keeps a change refused with 401, 408 or 429', async () => {
    for (const status of [401, 408, 429]) {
      await store.enqueue({ viewer: ME, annotationId: `x${status}`, op: 'put', body: body(1), documentId: 31, version: 2 });
      const result = await flushOutbox(store, fakeServer([apiError(status)]).sender, ME);
      expect(result.remaining).toBeGreaterThan(0);
    }
    expect(await store.count(ME)).toBe(3);
  });

  it('keeps only the last waiting change of an annotation', async () => {
    await store.enqueue({ viewer: ME, annotationId: 'a', op: 'put', body: body(1, 'một'), documentId: 31, version: 2 });
    await store.enqueue({ viewer: ME, annotationId: 'b', op: 'put', body: body(2), documentId: 31, version: 2 });
    await store.enqueue({ viewer: ME, annotationId: 'a', op: 'put', body: body(1, 'hai'), documentId: 31, version: 2 });
    const server = fakeServer();
    await flushOutbox(store, server.sender, ME);
    expect(server.calls).toEqual(['put b p2', 'put a p1']);
    expect(server.saved.get('a')?.note).toBe('hai');
  });

  it("sends only the signed-in person's changes", async () => {
    await store.enqueue({ viewer: 99, annotationId: 'theirs', op: 'put', body: body(1), documentId: 31, version: 2 });
    await store.enqueue({ viewer: ME, annotationId: 'mine', op: 'put', body: body(1), documentId: 31, version: 2 });
    const server = fakeServer();
    await flushOutbox(store, server.sender, ME);
    expect(server.calls).toEqual(['put mine p1']);
    expect(await store.count(99)).toBe(1);
  });
});

describe('OutboxRunner', () => {
  it('tries when started, waits while offline, sends on `online`, and counts what waits', async () => {
    let online = false;
    const events = new EventTarget();
    const server = fakeServer();
    const runner = new OutboxRunner({ notes: annotationQueue(store, server.sender) }, { isOnline: () => online, events, intervalMs: 60_000 });
    await saveAnnotation(db, sealer, author, 'n-1', body(3, 'Ghi chú ngoại tuyến'));
    const counts: number[] = [];
    runner.subscribe(() => counts.push(runner.count));
    runner.start(ME);
    await runner.kick();
    expect(runner.count).toBe(1);
    expect(server.calls).toEqual([]);

    online = true;
    events.dispatchEvent(new Event('online'));
    await runner.kick();
    expect(server.calls).toEqual(['put n-1 p3']);
    expect(runner.count).toBe(0);
    expect(counts).toEqual([1, 0]);
    expect(runner.counts).toEqual({ notes: 0 });
    runner.stop();
  });
});

describe('annotation cache', () => {
  const view = (id: string, over: Partial<AnnotationView> = {}): AnnotationView => ({ id, documentId: 31, version: 2, page: 1, kind: 'HIGHLIGHT', mine: true, personId: ME, ...over });

  it('merges the server list: replaces rows, drops unlisted ones, keeps rows with a change waiting', () => {
    const row = (id: string): StoredAnnotation => ({ ...view(id), key: `7:${id}`, viewer: ME, docKey: '7:31:2' });
    const update = mergeServerList([row('a'), row('gone'), row('waiting')], [view('a', { rev: 3 }), view('new')], new Set(['waiting']), ME, '7:31:2');
    expect(update.put.map((p) => p.id)).toEqual(['a', 'new']);
    expect(update.remove).toEqual(['7:gone']);
  });

  it('shows a change made offline at once, keeps it over the server list until sent, then takes the answer', async () => {
    await storeServerList(db, sealer, 31, 2, [view('s-1', { note: 'cũ' })]);
    await saveAnnotation(db, sealer, author, 'n-1', body(5, 'mới'));
    let shown = await readAnnotations(db, sealer, 31, 2);
    expect(shown.map((a) => [a.id, a.pending ?? false])).toEqual([
      ['s-1', false],
      ['n-1', true],
    ]);
    expect(shown[1]?.authorName).toBe('Nguyễn Văn An');

    // the server does not know n-1 yet: reading its list must not remove it
    await storeServerList(db, sealer, 31, 2, [view('s-1', { note: 'cũ' })]);
    expect((await readAnnotations(db, sealer, 31, 2)).map((a) => a.id)).toContain('n-1');

    const server = fakeServer();
    await flushOutbox(store, server.sender, ME, { onSent: (item, v) => storeSent(db, sealer, item.annotationId, v, item.op === 'delete') });
    shown = await readAnnotations(db, sealer, 31, 2);
    expect(shown.find((a) => a.id === 'n-1')?.pending).toBeUndefined();
    expect(shown.find((a) => a.id === 'n-1')?.rev).toBe(1);
  });

  it('hides a deleted annotation at once and sends the deletion', async () => {
    await storeServerList(db, sealer, 31, 2, [view('s-1')]);
    await deleteAnnotation(db, sealer, view('s-1'));
    expect(await readAnnotations(db, sealer, 31, 2)).toEqual([]);
    const server = fakeServer();
    await flushOutbox(store, server.sender, ME);
    expect(server.calls).toEqual(['delete s-1']);
  });
});

describe('sealed at rest', () => {
  it('keeps the body of a waiting change and the cached annotation sealed', async () => {
    await saveAnnotation(db, sealer, author, 'n-1', body(3, 'Số liệu mật quý IV'));
    const [item] = await db.outbox.toArray();
    expect(item?.body).toBeUndefined();
    expect(item?.sealed?.kid).toBe(key.kid);
    const [row] = await db.annotations.toArray();
    const plain = 'Số liệu mật quý IV';
    expect(bytesInclude(item?.sealed?.data as ArrayBuffer, plain)).toBe(false);
    expect(bytesInclude(row?.sealed.data as ArrayBuffer, plain)).toBe(false);
    expect(JSON.stringify(row)).not.toContain('quý IV');
  });

  it('waits (and the queue behind it) while the key is not held, and sends once it is', async () => {
    await saveAnnotation(db, sealer, author, 'n-1', body(3, 'một'));
    let held = false;
    const locked = dexieOutbox(db, (viewer) =>
      sealerOf(viewer, { current: async () => key, find: async (kid) => (held && kid === key.kid ? key.key : null), lost: () => false }),
    );
    const server = fakeServer();
    const first = await flushOutbox(locked, server.sender, ME);
    expect(first).toMatchObject({ sent: 0, remaining: 1, locked: true });
    expect(server.calls).toEqual([]);
    held = true;
    expect((await flushOutbox(locked, server.sender, ME)).remaining).toBe(0);
    expect(server.saved.get('n-1')?.note).toBe('một');
  });

  it('drops a change sealed in a browser session that has ended, and tells', async () => {
    const old: HeldKey = { kid: newKid('s'), key: await newDataKey() };
    await saveAnnotation(db, fixedSealer(ME, old), author, 'gone', body(1, 'mất'));
    await saveAnnotation(db, sealer, author, 'kept', body(2, 'còn'));
    const now = dexieOutbox(db, (viewer) => sealerOf(viewer, { current: async () => key, find: async (kid) => (kid === key.kid ? key.key : null), lost: (kid) => kid === old.kid }));
    const dropped: string[] = [];
    const server = fakeServer();
    const result = await flushOutbox(now, server.sender, ME, { onDropped: (item, e) => dropped.push(`${item.annotationId} ${(e as Error).name}`) });
    expect(result).toMatchObject({ sent: 1, dropped: 1, remaining: 0 });
    expect(dropped).toEqual(['gone LostChange']);
    expect(server.calls).toEqual(['put kept p2']);
  });
});
