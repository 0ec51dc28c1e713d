import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LocalAnnotation } from '../../offline/annotationCache';
import { type Point, clampZoom, displayScale, pinchZoom, scrollForZoom, stepZoom } from './geometry';
import { PageView, type PageSize } from './PageView';
import type { PDFDocumentProxy } from './pdf';
import type { GestureState, NewShape, PageHit, Tool } from './types';

/** Pages this far (in screens) above and below the visible ones are drawn ahead of time. */
const AHEAD = 1;

export interface GoTo {
  page: number;
  /** a new number for every request (going to the same page twice scrolls twice) */
  seq: number;
}

interface ViewerProps {
  doc: PDFDocumentProxy;
  zoom: number;
  /** a new zoom, with the point (in the reading area, px) that should stay under the fingers */
  onZoom: (zoom: number) => void;
  tool: Tool;
  color: string;
  annotations: ReadonlyMap<number, LocalAnnotation[]>;
  hits: ReadonlyMap<number, PageHit[]>;
  goTo: GoTo | null;
  onPage: (page: number) => void;
  /** the pages shown on screen (once the reader stops scrolling) */
  onSeen: (pages: number[]) => void;
  onCreate: (shape: NewShape) => void;
  onNoteAt: (page: number, at: Point) => void;
  onOpen: (a: LocalAnnotation) => void;
  onError: (err: unknown) => void;
}

const NO_ANNOTATIONS: LocalAnnotation[] = [];
const NO_HITS: PageHit[] = [];

/**
 * The pages one under the other in a scrolling area. Only pages near the screen are drawn. Zoom
 * keeps the point under the fingers (pinch) or the middle of the screen (buttons) in place; a pinch
 * scales the drawn pages at once and draws them again sharp when the fingers lift.
 */
export function Viewer(props: ViewerProps) {
  const { doc, zoom, onZoom, goTo, onPage, onSeen } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const gesture = useRef<GestureState>({ pinching: false });
  /** the zoom as the gesture handlers read it */
  const zoomRef = useRef(zoom);
  useEffect(() => {
    zoomRef.current = zoom;
  }, [zoom]);
  const [areaWidth, setAreaWidth] = useState(0);
  const [first, setFirst] = useState<PageSize | null>(null);
  const [near, setNear] = useState<[number, number]>([1, 2]);
  const count = doc.numPages;

  // the first page's size stands for every page until each is read
  useEffect(() => {
    let live = true;
    doc.getPage(1).then(
      (p) => {
        const vp = p.getViewport({ scale: 1 });
        if (live) setFirst({ width: vp.width, height: vp.height, rotation: p.rotate });
      },
      (e: unknown) => live && props.onError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per document
  }, [doc]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setAreaWidth(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [scroller]);

  const scale = first ? displayScale(areaWidth || 800, first.width, zoom) : 1;

  // ---- which pages are on screen ----
  const seenTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const frame = useRef(0);
  const measureView = useCallback(() => {
    const el = scroller.current;
    const pages = pagesRef.current?.children;
    if (!el || !pages?.length) return;
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    const margin = el.clientHeight * AHEAD;
    let from = 0;
    let to = 0;
    let current = 1;
    const seen: number[] = [];
    for (let i = 0; i < pages.length; i++) {
      const p = pages[i] as HTMLElement;
      const pTop = p.offsetTop;
      const pBottom = pTop + p.offsetHeight;
      if (pBottom >= top - margin && pTop <= bottom + margin) {
        if (!from) from = i + 1;
        to = i + 1;
      }
      if (pBottom > top && pTop < bottom) seen.push(i + 1);
      if (pTop <= top + el.clientHeight * 0.3) current = i + 1;
      if (pTop > bottom + margin) break;
    }
    if (from) setNear((old) => (old[0] === from && old[1] === to ? old : [from, to]));
    onPage(current);
    clearTimeout(seenTimer.current);
    seenTimer.current = setTimeout(() => onSeen(seen), 800);
  }, [scroller, onPage, onSeen]);

  useEffect(() => () => clearTimeout(seenTimer.current), []);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measureView);
  };

  // ---- zoom keeps a point in place ----
  const prevScale = useRef(scale);
  const focus = useRef<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    const ratio = scale / prevScale.current;
    prevScale.current = scale;
    if (!el || !Number.isFinite(ratio) || Math.abs(ratio - 1) < 1e-6) {
      measureView();
      return;
    }
    const f = focus.current ?? { x: el.clientWidth / 2, y: el.clientHeight / 2 };
    focus.current = null;
    el.scrollTop = scrollForZoom(el.scrollTop, f.y, ratio);
    el.scrollLeft = scrollForZoom(el.scrollLeft, f.x, ratio);
    measureView();
  }, [scale, scroller, measureView]);

  const zoomAround = useCallback(
    (z: number, at?: { x: number; y: number }) => {
      focus.current = at ?? null;
      onZoom(clampZoom(z));
    },
    [onZoom],
  );

  // ---- go to a page ----
  useEffect(() => {
    if (!goTo) return;
    const el = scroller.current;
    const page = pagesRef.current?.children[goTo.page - 1] as HTMLElement | undefined;
    if (el && page) el.scrollTop = Math.max(0, page.offsetTop - 8);
    measureView();
  }, [goTo, scroller, measureView, first]);

  // ---- pinch (two fingers, touch events so one finger keeps scrolling natively) and ctrl + wheel ----
  const pinch = useRef<{ dist: number; zoom: number; mid: { x: number; y: number }; z: number } | null>(null);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const two = (e: TouchEvent) => {
      const a = e.touches[0];
      const b = e.touches[1];
      if (!a || !b) return null;
      const r = el.getBoundingClientRect();
      return {
        dist: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY),
        mid: { x: (a.clientX + b.clientX) / 2 - r.left, y: (a.clientY + b.clientY) / 2 - r.top },
      };
    };
    const start = (e: TouchEvent) => {
      const s = two(e);
      if (!s || pinch.current) return;
      gesture.current.pinching = true;
      pinch.current = { dist: s.dist, zoom: zoomRef.current, mid: s.mid, z: zoomRef.current };
    };
    const move = (e: TouchEvent) => {
      const p = pinch.current;
      const s = two(e);
      if (!p || !s) return;
      e.preventDefault();
      // two fingers also pan
      el.scrollLeft -= s.mid.x - p.mid.x;
      el.scrollTop -= s.mid.y - p.mid.y;
      p.mid = s.mid;
      p.z = pinchZoom(p.zoom, p.dist, s.dist);
      const wrap = pagesRef.current;
      if (wrap) {
        wrap.style.transformOrigin = `${el.scrollLeft + s.mid.x}px ${el.scrollTop + s.mid.y}px`;
        wrap.style.transform = `scale(${p.z / p.zoom})`;
      }
    };
    const end = (e: TouchEvent) => {
      const p = pinch.current;
      if (p && e.touches.length < 2) {
        pinch.current = null;
        const wrap = pagesRef.current;
        if (wrap) {
          wrap.style.transform = '';
          wrap.style.transformOrigin = '';
        }
        if (Math.abs(p.z - p.zoom) > 0.01) zoomAround(p.z, p.mid);
      }
      if (e.touches.length === 0) gesture.current.pinching = false;
    };
    const wheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      zoomAround(stepZoom(zoomRef.current, e.deltaY < 0 ? 1 : -1), { x: e.clientX - r.left, y: e.clientY - r.top });
    };
    el.addEventListener('touchstart', start, { passive: true });
    el.addEventListener('touchmove', move, { passive: false });
    el.addEventListener('touchend', end);
    el.addEventListener('touchcancel', end);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      el.removeEventListener('touchstart', start);
      el.removeEventListener('touchmove', move);
      el.removeEventListener('touchend', end);
      el.removeEventListener('touchcancel', end);
      el.removeEventListener('wheel', wheel);
    };
  }, [scroller, zoomAround]);

  const fallback = first ?? { width: 595, height: 842, rotation: 0 };
  return (
    <div ref={scroller} className={`reader-scroll tool-${props.tool}`} onScroll={onScroll} data-testid="reader-pages" data-zoom={zoom}>
      <div ref={pagesRef} className="reader-pages-inner">
        {Array.from({ length: count }, (_, i) => {
          const n = i + 1;
          return (
            <PageView
              key={n}
              doc={doc}
              pageNumber={n}
              scale={scale}
              fallbackSize={fallback}
              near={!!first && n >= near[0] && n <= near[1]}
              tool={props.tool}
              color={props.color}
              annotations={props.annotations.get(n) ?? NO_ANNOTATIONS}
              hits={props.hits.get(n) ?? NO_HITS}
              gesture={gesture}
              onCreate={props.onCreate}
              onNoteAt={props.onNoteAt}
              onOpen={props.onOpen}
              onError={props.onError}
            />
          );
        })}
      </div>
    </div>
  );
}
