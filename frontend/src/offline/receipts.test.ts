import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api/problem';
import { newDataKey, newKid } from './crypto';
import { OfflineDb } from './db';
import { fixedSealer } from './keyring';
import { OutboxRunner, annotationQueue, dexieOutbox } from './outbox';
import { cleanPages, countReceipts, flushReceipts, queueReceipt, receiptQueue, type ReceiptSender } from './receipts';
import { saveAnnotation } from './annotationCache';

const ME = 7;
let db: OfflineDb;
let n = 0;
beforeEach(() => {
  db = new OfflineDb(`receipts-test-${++n}`, { indexedDB, IDBKeyRange });
});
afterEach(() => db.close());

const apiError = (status: number) => new ApiError({ status, code: '', errors: [] });

/**
 * The server as ReceiptService.seen keeps receipts: per person and version, the first report makes
 * the receipt (opens = 1), later ones add pages to a set; a report without pages counts an opening.
 */
function fakeServer(script: (unknown | null)[] = []) {
  const receipts = new Map<string, { opens: number; pages: Set<number> }>();
  const calls: string[] = [];
  const send: ReceiptSender = async (doc, version, pages) => {
    calls.push(`${doc}v${version} [${pages.join(',')}]`);
    const e = script.shift();
    if (e) throw e;
    const k = `${doc}:${version}`;
    const r = receipts.get(k);
    if (!r) receipts.set(k, { opens: 1, pages: new Set(pages) });
    else {
      if (!pages.length) r.opens++;
      pages.forEach((p) => r.pages.add(p));
    }
  };
  return { send, receipts, calls };
}

describe('queueReceipt', () => {
  it('merges the pages seen of a version into one waiting report, per person', async () => {
    await queueReceipt(db, ME, 31, 2, [1]);
    await queueReceipt(db, ME, 31, 2, [3, 2, 2]);
    await queueReceipt(db, ME, 31, 3, [1]);
    await queueReceipt(db, 8, 31, 2, [5]);
    const rows = await db.receipts.where('viewer').equals(ME).sortBy('key');
    expect(rows.map((r) => [r.key, r.pages])).toEqual([
      ['7:31:2', [1, 2, 3]],
      ['7:31:3', [1]],
    ]);
    expect(await countReceipts(db, ME)).toBe(2);
  });

  it('never queues a report without pages (the server would count another opening)', async () => {
    await queueReceipt(db, ME, 31, 2, []);
    await queueReceipt(db, ME, 31, 2, [0, -1, 1.5]);
    expect(await db.receipts.count()).toBe(0);
    expect(cleanPages([3, 1, 3, 0, 2])).toEqual([1, 2, 3]);
  });
});

describe('flushReceipts', () => {
  it('sends the waiting reports once online, oldest first, and empties the queue', async () => {
    await queueReceipt(db, ME, 31, 2, [1, 2], 1000);
    await queueReceipt(db, ME, 40, 1, [1], 500);
    const server = fakeServer();
    expect(await flushReceipts(db, server.send, ME)).toEqual({ sent: 2, dropped: 0, remaining: 0 });
    expect(server.calls).toEqual(['40v1 [1]', '31v2 [1,2]']);
  });

  it('sent twice (the answer lost) counts nothing twice on the server', async () => {
    await queueReceipt(db, ME, 31, 2, [1, 2]);
    const server = fakeServer();
    const lostAnswer: ReceiptSender = async (d, v, p) => {
      await server.send(d, v, p);
      throw networkError();
    };
    expect((await flushReceipts(db, lostAnswer, ME)).remaining).toBe(1);
    expect((await flushReceipts(db, server.send, ME)).remaining).toBe(0);
    expect(server.calls).toEqual(['31v2 [1,2]', '31v2 [1,2]']);
    const r = server.receipts.get('31:2');
    expect(r?.opens).toBe(1);
    expect([...(r?.pages ?? [])]).toEqual([1, 2]);
  });

  it('keeps the report and stops after no answer, a 5xx, 401, 408 or 429', async () => {
    for (const e of [networkError(), apiError(503), apiError(401), apiError(408), apiError(429)]) {
      await queueReceipt(db, ME, 31, 2, [1]);
      await queueReceipt(db, ME, 32, 1, [1]);
      const server = fakeServer([e]);
      const result = await flushReceipts(db, server.send, ME);
      expect(result.remaining).toBe(2);
      expect(server.calls).toHaveLength(1);
      await db.receipts.clear();
    }
  });

  it('drops a report refused for good (withdrawn, page past the end) and goes on', async () => {
    await queueReceipt(db, ME, 31, 2, [999], 1);
    await queueReceipt(db, ME, 32, 1, [1], 2);
    const server = fakeServer([apiError(400)]);
    expect(await flushReceipts(db, server.send, ME)).toEqual({ sent: 1, dropped: 1, remaining: 0 });
  });

  it('keeps the pages seen while a report was on its way', async () => {
    await queueReceipt(db, ME, 31, 2, [1]);
    const server = fakeServer();
    const slow: ReceiptSender = async (d, v, p) => {
      await queueReceipt(db, ME, 31, 2, [2, 3]);
      await server.send(d, v, p);
    };
    await flushReceipts(db, slow, ME);
    const row = await db.receipts.get('7:31:2');
    expect(row?.pages).toEqual([2, 3]);
    await flushReceipts(db, server.send, ME);
    expect([...(server.receipts.get('31:2')?.pages ?? [])].sort()).toEqual([1, 2, 3]);
  });

  it("sends only the person's own", async () => {
    await queueReceipt(db, 8, 31, 2, [1]);
    const server = fakeServer();
    await flushReceipts(db, server.send, ME);
    expect(server.calls).toEqual([]);
    expect(await countReceipts(db, 8)).toBe(1);
  });
});

describe('the runner with both queues', () => {
  it('counts waiting notes and reads apart, sends both when online', async () => {
    const key = { kid: newKid('v'), key: await newDataKey() };
    const sealer = fixedSealer(ME, key);
    const store = dexieOutbox(db, () => sealer);
    await saveAnnotation(db, sealer, { personId: ME, name: 'An' }, 'n-1', { documentId: 31, version: 2, kind: 'NOTE', page: 1, color: '#FFE14D', rects: [[0.5, 0.5, 0, 0]], note: 'x', sharing: 'PRIVATE' });
    await queueReceipt(db, ME, 31, 2, [1, 2]);
    let online = false;
    const events = new EventTarget();
    const server = fakeServer();
    const puts: string[] = [];
    const runner = new OutboxRunner(
      {
        notes: annotationQueue(store, { put: async (id) => void puts.push(id) as undefined, remove: async () => undefined }),
        reads: receiptQueue(db, server.send),
      },
      { isOnline: () => online, events, intervalMs: 60_000 },
    );
    runner.start(ME);
    await runner.kick();
    expect(runner.counts).toEqual({ notes: 1, reads: 1 });
    expect(runner.count).toBe(2);
    online = true;
    events.dispatchEvent(new Event('online'));
    await runner.kick();
    expect(runner.count).toBe(0);
    expect(puts).toEqual(['n-1']);
    expect(server.calls).toEqual(['31v2 [1,2]']);
    runner.stop();
  });
});
