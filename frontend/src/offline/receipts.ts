// Read receipts that wait to be sent: the pages of a document version shown here, online or not.
// The reader writes them here first (IndexedDB: a closed tab or a lost network loses nothing) and
// the outbox runner (outbox.ts) sends them: one row per person and version, the pages seen since
// the last report merged into it.
//
// POST /api/documents/{docId}/versions/{n}/receipt {"pages": […]} adds the pages to a set on the
// server (the first report records the opening), so a report sent twice (an answer lost) counts
// nothing twice. A report with no pages would count one more opening, so none is ever sent. The
// server dates a report when it arrives: a document read offline is recorded as read when the
// tablet is back online.
//
// After a failure: no answer, 5xx, 401, 408 or 429 → the row stays and the queue stops until the
// next try; any other 4xx (the document withdrawn, a page past the end, no longer allowed) → the
// row is dropped, silently (a receipt is not the person's work).

import type { Id } from '../api/types';
import { type OfflineDb, type ReceiptRow, receiptKey } from './db';
import { type Queue, verdict } from './outbox';

/** How a report reaches the server. */
export type ReceiptSender = (documentId: Id, version: number, pages: number[]) => Promise<void>;

/** Valid page numbers, ascending, each once. */
export function cleanPages(pages: readonly number[]): number[] {
  return [...new Set(pages.filter((p) => Number.isInteger(p) && p >= 1))].sort((a, b) => a - b);
}

/** Add pages seen to the person's waiting report of this version. */
export async function queueReceipt(db: OfflineDb, viewer: Id, documentId: Id, version: number, pages: readonly number[], now = Date.now()): Promise<void> {
  const seen = cleanPages(pages);
  if (!seen.length) return;
  const key = receiptKey(viewer, documentId, version);
  await db.transaction('rw', db.receipts, async () => {
    const row = await db.receipts.get(key);
    if (row) {
      await db.receipts.put({ ...row, pages: cleanPages([...row.pages, ...seen]), lastAt: now });
    } else {
      await db.receipts.put({ key, viewer, documentId, version, pages: seen, firstAt: now, lastAt: now, attempts: 0 });
    }
  });
}

export interface ReceiptFlush {
  sent: number;
  dropped: number;
  remaining: number;
  error?: unknown;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Send the person's waiting reports (the oldest first) until one cannot be sent now. */
export async function flushReceipts(db: OfflineDb, send: ReceiptSender, viewer: Id): Promise<ReceiptFlush> {
  const rows = await db.receipts.where('viewer').equals(viewer).sortBy('firstAt');
  let sent = 0;
  let dropped = 0;
  for (const row of rows) {
    try {
      await send(row.documentId, row.version, row.pages);
      sent++;
      await settle(db, row.key, row.pages);
    } catch (err) {
      if (verdict(err) === 'drop') {
        dropped++;
        await settle(db, row.key, row.pages);
        continue;
      }
      await db.receipts.where('key').equals(row.key).modify((r: ReceiptRow) => {
        r.attempts += 1;
        r.lastError = describe(err);
      });
      return { sent, dropped, remaining: await countReceipts(db, viewer), error: err };
    }
  }
  return { sent, dropped, remaining: await countReceipts(db, viewer) };
}

/** Take the pages reported out of the row (pages seen meanwhile stay for the next report). */
async function settle(db: OfflineDb, key: string, reported: readonly number[]): Promise<void> {
  const done = new Set(reported);
  await db.transaction('rw', db.receipts, async () => {
    const row = await db.receipts.get(key);
    if (!row) return;
    const left = row.pages.filter((p) => !done.has(p));
    if (left.length) await db.receipts.put({ ...row, pages: left, attempts: 0, lastError: undefined });
    else await db.receipts.delete(key);
  });
}

export function countReceipts(db: OfflineDb, viewer: Id): Promise<number> {
  return db.receipts.where('viewer').equals(viewer).count();
}

/** The waiting reports as a queue of the outbox runner. */
export function receiptQueue(db: OfflineDb, send: ReceiptSender): Queue {
  return {
    flush: async (viewer) => (await flushReceipts(db, send, viewer)).remaining,
    count: (viewer) => countReceipts(db, viewer),
  };
}
