import { useCallback, useEffect, useRef } from 'react';
import type { Id } from '../../api/types';
import { sendReceipt } from '../api/documents';

/** How long pages seen are gathered before they are reported. */
const DEBOUNCE_MS = 4_000;

/**
 * Read receipts: the first page shown is reported at once (the server records the opening), the
 * pages seen after that every few seconds. A failed report (no network) is tried again with the
 * next; pages are kept until one goes through.
 */
export function useReceipts(docId: Id, version: number | undefined, enabled: boolean): (pages: number[]) => void {
  const opened = useRef<string | null>(null);
  const waiting = useRef(new Set<number>());
  const sent = useRef(new Set<number>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = version !== undefined ? `${docId}:${version}` : null;

  useEffect(() => {
    waiting.current.clear();
    sent.current.clear();
    opened.current = null;
  }, [key]);

  const send = useCallback(
    (pages: number[]) => {
      if (version === undefined || !pages.length) return;
      pages.forEach((p) => waiting.current.delete(p));
      sendReceipt(docId, version, pages).then(
        () => pages.forEach((p) => sent.current.add(p)),
        () => pages.forEach((p) => waiting.current.add(p)),
      );
    },
    [docId, version],
  );

  const flush = useCallback(() => send([...waiting.current].sort((a, b) => a - b)), [send]);

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
      const fresh = pages.filter((p) => !sent.current.has(p));
      if (!fresh.length) return;
      fresh.forEach((p) => waiting.current.add(p));
      if (opened.current !== key) {
        // the opening: report the first page now, the others with the next report
        opened.current = key;
        send([Math.min(...fresh)]);
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DEBOUNCE_MS);
    },
    [enabled, key, flush, send],
  );
}
