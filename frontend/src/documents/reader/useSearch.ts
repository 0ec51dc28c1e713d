import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { type Rect, textItemRect } from './geometry';
import type { PDFDocumentProxy } from './pdf';
import { type PageMatch, type PageText, pageText, searchPage } from './textSearch';
import type { PageHit } from './types';

interface PageData {
  items: TextItem[];
  text: PageText;
  view: number[];
}

export interface Hit extends PageMatch {
  rects: Rect[];
}

export interface DocSearch {
  query: string;
  /** pages read so far while searching */
  searched: number;
  running: boolean;
  hits: Hit[];
  active: number;
  run: (query: string) => void;
  clear: () => void;
  /** move to the next (1) or previous (-1) hit; returns its page */
  step: (dir: 1 | -1) => number | null;
  select: (index: number) => number | null;
  /** the hits to draw, by page */
  byPage: Map<number, PageHit[]>;
}

/**
 * Search the whole document (words typed with or without diacritics): pages are read one after
 * the other (kept for the next search), hits appear as they are found.
 */
export function useDocSearch(doc: PDFDocumentProxy | null): DocSearch {
  const cache = useRef(new Map<number, PageData>());
  const runId = useRef(0);
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState(0);
  const [running, setRunning] = useState(false);
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    cache.current = new Map();
    runId.current++;
  }, [doc]);

  const pageData = useCallback(
    async (n: number): Promise<PageData> => {
      const have = cache.current.get(n);
      if (have || !doc) return have ?? { items: [], text: pageText([]), view: [0, 0, 1, 1] };
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem => 'str' in i);
      const data = { items, text: pageText(items), view: page.view };
      cache.current.set(n, data);
      return data;
    },
    [doc],
  );

  const run = useCallback(
    (q: string) => {
      const id = ++runId.current;
      setQuery(q);
      setHits([]);
      setActive(0);
      setSearched(0);
      if (!doc || !q.trim()) {
        setRunning(false);
        return;
      }
      setRunning(true);
      void (async () => {
        const found: Hit[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          let data: PageData;
          try {
            data = await pageData(n);
          } catch {
            continue;
          }
          if (id !== runId.current) return;
          for (const m of searchPage(n, data.items, q, data.text)) {
            const rects = m.ranges.map((r) => {
              const item = data.items[r.item] as TextItem;
              return textItemRect({ transform: item.transform, width: item.width, height: item.height, length: item.str.length }, r.from, r.to, data.view);
            });
            found.push({ ...m, rects });
          }
          if (n % 10 === 0 || n === doc.numPages) {
            setHits([...found]);
            setSearched(n);
          }
        }
        if (id === runId.current) setRunning(false);
      })();
    },
    [doc, pageData],
  );

  const clear = useCallback(() => run(''), [run]);

  const select = useCallback(
    (index: number) => {
      const h = hits[index];
      if (!h) return null;
      setActive(index);
      return h.page;
    },
    [hits],
  );

  const step = useCallback(
    (dir: 1 | -1) => {
      if (!hits.length) return null;
      const next = (active + dir + hits.length) % hits.length;
      return select(next);
    },
    [hits, active, select],
  );

  const byPage = useMemo(() => {
    const map = new Map<number, PageHit[]>();
    hits.forEach((h, i) => {
      const list = map.get(h.page) ?? [];
      list.push({ key: `${h.page}-${h.index}`, rects: h.rects, active: i === active });
      map.set(h.page, list);
    });
    return map;
  }, [hits, active]);

  return { query, searched, running, hits, active, run, clear, step, select, byPage };
}
