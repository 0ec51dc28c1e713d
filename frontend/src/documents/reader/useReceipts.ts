import { useCallback, useEffect, useRef } from 'react';
import type { Id } from '../../api/types';
import { hasIndexedDb } from '../../offline/db';
import { recordReceipt } from '../../offline/sync';
import { sendReceipt } from '../api/documents';

/** How long pages seen are gathered before they are recorded. */
const DEBOUNCE_MS = 4_000;

/**
 * Read receipts, online or not: the first page shown is recorded at once (the server records the
 * opening), the pages seen after that every few seconds and when the reader closes. Recorded means
 * written to the device's queue (src/offline/receipts.ts), which the outbox runner sends when the
 * server can be reached, after the next sign-in if need be. Without IndexedDB (some private modes)
 * the report is sent straight away and kept in memory until one goes through.
 */
export function useReceipts(docId: Id, version: number | undefined, viewer: Id | undefined, enabled: boolean): (pages: number[]) => void {
  const opened = useRef<string | null>(null);
  const waiting = useRef(new Set<number>());
  const recorded = useRef(new Set<number>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = version !== undefined ? `${docId}:${version}` : null;

  useEffect(() => {
    waiting.current.clear();
    recorded.current.clear();
    opened.current = null;
  }, [key]);

  const record = useCallback(
    (pages: number[]) => {
      if (version === undefined || !pages.length) return;
      pages.forEach((p) => {
        waiting.current.delete(p);
        recorded.current.add(p);
      });
      const back = () =>
        pages.forEach((p) => {
          recorded.current.delete(p);
          waiting.current.add(p);
        });
      if (viewer != null && hasIndexedDb()) {
        recordReceipt(viewer, docId, version, pages, true).catch(back);
      } else {
        sendReceipt(docId, version, pages).catch(back);
      }
    },
    [docId, version, viewer],
  );

  const flush = useCallback(() => record([...waiting.current].sort((a, b) => a - b)), [record]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      flush();
    },
    [flush],
  );

  return useCallback(
    (pages: number[]) => {
      if (!enabled || key === null) return;
      const fresh = pages.filter((p) => !recorded.current.has(p));
      if (!fresh.length) return;
      fresh.forEach((p) => waiting.current.add(p));
      if (opened.current !== key) {
        // the opening: record the first page now, the others with the next report
        opened.current = key;
        record([Math.min(...fresh)]);
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DEBOUNCE_MS);
    },
    [enabled, key, flush, record],
  );
}
