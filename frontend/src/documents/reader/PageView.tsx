import { memo, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { LocalAnnotation } from '../../offline/annotationCache';
import { useI18n } from '../../lib/i18n';
import {
  type Point,
  type Rect,
  clientToDisplay,
  clientToPage,
  fromDisplay,
  mergeLineRects,
  rectFrom,
  rectFromDisplay,
  rectToDisplay,
  roundRect,
  snapToText,
  thinPath,
  toDisplay,
} from './geometry';
import { type PDFDocumentProxy, type PDFPageProxy, TextLayer, isCancelled } from './pdf';
import type { GestureState, NewShape, PageHit, Tool } from './types';

/** The largest canvas drawn for one page (pixels): big zooms on big pages stay within memory. */
const MAX_CANVAS_PIXELS = 4096 * 4096;

export interface PageSize {
  /** width and height at scale 1 as displayed (the page's own rotation applied), PDF units */
  width: number;
  height: number;
  rotation: number;
}

interface PageViewProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  /** CSS pixels per PDF unit */
  scale: number;
  /** the size to reserve until the page itself is read (the first page's) */
  fallbackSize: PageSize;
  /** draw it (it is on screen or close to it) */
  near: boolean;
  tool: Tool;
  color: string;
  annotations: readonly LocalAnnotation[];
  hits: readonly PageHit[];
  gesture: RefObject<GestureState>;
  onCreate: (shape: NewShape) => void;
  onNoteAt: (page: number, at: Point) => void;
  onOpen: (a: LocalAnnotation) => void;
  onError: (err: unknown) => void;
}

/**
 * One page: a placeholder of the right size, and when near the screen its canvas, its text layer
 * (selectable text, the lines a highlight snaps to), the annotations and search hits over it, and
 * the layer the annotation tools draw on.
 */
export const PageView = memo(function PageView(props: PageViewProps) {
  const { doc, pageNumber, scale, fallbackSize, near } = props;
  const { t } = useI18n();
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [size, setSize] = useState<PageSize | null>(null);
  /** the page whose drawing is on screen */
  const [drawnFor, setDrawnFor] = useState<PDFPageProxy | null>(null);
  const drawn = near && drawnFor !== null && drawnFor === page;
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const { onError } = props;

  // read the page when it comes near
  useEffect(() => {
    if (!near || page) return;
    let live = true;
    doc.getPage(pageNumber).then(
      (p) => {
        if (!live) return;
        const vp = p.getViewport({ scale: 1 });
        setSize({ width: vp.width, height: vp.height, rotation: p.rotate });
        setPage(p);
      },
      (e: unknown) => live && onError(e),
    );
    return () => {
      live = false;
    };
  }, [doc, pageNumber, near, page, onError]);

  // draw the canvas and the text layer; a new drawing replaces the old one only when it is ready
  useEffect(() => {
    const holder = canvasHolder.current;
    const textBox = textRef.current;
    if (!page || !holder || !textBox) return;
    if (!near) {
      holder.replaceChildren();
      textBox.replaceChildren();
      page.cleanup();
      return;
    }
    const viewport = page.getViewport({ scale });
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    const cssW = viewport.width;
    const cssH = viewport.height;
    const fit = Math.min(1, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, cssW * dpr * cssH * dpr)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(cssW * dpr * fit);
    canvas.height = Math.floor(cssH * dpr * fit);
    canvas.style.width = `${cssW}px`;
    canvas.style.height = `${cssH}px`;
    canvas.setAttribute('aria-hidden', 'true');
    const ratio = (dpr * fit).toFixed(6);
    const task = page.render({ canvas, viewport, transform: [Number(ratio), 0, 0, Number(ratio), 0, 0] });
    let textLayer: TextLayer | null = null;
    let live = true;
    task.promise.then(
      () => {
        if (!live) return;
        holder.replaceChildren(canvas);
        setDrawnFor(page);
        textBox.replaceChildren();
        textBox.style.setProperty('--total-scale-factor', String(scale));
        textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: textBox, viewport });
        textLayer.render().catch((e: unknown) => {
          if (live && !isCancelled(e)) onError(e);
        });
      },
      (e: unknown) => {
        if (live && !isCancelled(e)) onError(e);
      },
    );
    return () => {
      live = false;
      task.cancel();
      textLayer?.cancel();
    };
  }, [page, scale, near, onError]);

  const s = size ?? fallbackSize;
  const w = s.width * scale;
  const h = s.height * scale;
  const rotation = size?.rotation ?? 0;

  return (
    <div
      ref={boxRef}
      className={`pdf-page${drawn ? ' is-drawn' : ''}`}
      style={{ width: `${w}px`, height: `${h}px` }}
      data-testid={`reader-page-${pageNumber}`}
      data-page={pageNumber}
      data-rotation={rotation}
      data-drawn={drawn}
      role="group"
      aria-label={t('documents:reader.pageN', { page: pageNumber })}
    >
      <div ref={canvasHolder} className="pdf-canvas" />
      {!drawn && <span className="pdf-page-wait">{t('documents:reader.pageN', { page: pageNumber })}</span>}
      <div ref={textRef} className={`pdf-text${props.tool === 'read' ? ' is-selectable' : ''}`} style={{ ['--scale-round-x' as string]: '1px', ['--scale-round-y' as string]: '1px' }} />
      <Marks width={w} height={h} rotation={rotation} annotations={props.annotations} hits={props.hits} clickable={props.tool === 'read'} onOpen={props.onOpen} />
      {props.tool !== 'read' && (
        <DrawLayer
          pageNumber={pageNumber}
          rotation={rotation}
          tool={props.tool}
          color={props.color}
          width={w}
          height={h}
          textBox={textRef}
          gesture={props.gesture}
          onCreate={props.onCreate}
          onNoteAt={props.onNoteAt}
        />
      )}
    </div>
  );
});

/** Annotations and search hits over the page (display pixels). */
function Marks({
  width,
  height,
  rotation,
  annotations,
  hits,
  clickable,
  onOpen,
}: {
  width: number;
  height: number;
  rotation: number;
  annotations: readonly LocalAnnotation[];
  hits: readonly PageHit[];
  clickable: boolean;
  onOpen: (a: LocalAnnotation) => void;
}) {
  const { t } = useI18n();
  const px = (r: Rect) => {
    const [x, y, w, h] = rectToDisplay(r, rotation);
    return { x: x * width, y: y * height, width: w * width, height: h * height };
  };
  const pt = (p: readonly number[]) => {
    const [x, y] = toDisplay([p[0] ?? 0, p[1] ?? 0], rotation);
    return `${(x * width).toFixed(1)},${(y * height).toFixed(1)}`;
  };
  const stroke = Math.max(2, width / 300);
  const notes = annotations.filter((a) => a.kind === 'NOTE' || (a.kind !== 'INK' && a.note));
  return (
    <>
      <svg className={`pdf-marks${clickable ? ' is-clickable' : ''}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {hits.map((hit) =>
          hit.rects.map((r, i) => <rect key={`${hit.key}-${i}`} className={`search-hit${hit.active ? ' is-active' : ''}`} {...px(r)} data-testid={hit.active ? 'reader-search-active' : undefined} />),
        )}
        {annotations.map((a) => {
          const common = {
            'data-testid': 'annotation',
            'data-annotation-id': a.id,
            'data-kind': a.kind,
            'data-pending': a.pending ? 'true' : undefined,
            onClick: () => onOpen(a),
          };
          if (a.kind === 'HIGHLIGHT')
            return (
              <g key={a.id} className="mark-highlight" {...common}>
                {(a.rects ?? []).map((r, i) => (
                  <rect key={i} {...px(r as Rect)} fill={a.color ?? '#FFE14D'} />
                ))}
              </g>
            );
          if (a.kind === 'INK')
            return (
              <g key={a.id} className="mark-ink" {...common}>
                {(a.paths ?? []).map((path, i) => (
                  <polyline key={i} points={path.map(pt).join(' ')} stroke={a.color ?? '#E53935'} strokeWidth={stroke} />
                ))}
              </g>
            );
          return null;
        })}
      </svg>
      {notes.map((a) => {
        const anchor = (a.rects?.[0] ?? [0, 0, 0, 0]) as Rect;
        const [dx, dy] = toDisplay([anchor[0], anchor[1]], rotation);
        return (
          <button
            key={`pin-${a.id}`}
            type="button"
            className={`note-pin${a.mine ? '' : ' is-shared'}${a.pending ? ' is-pending' : ''}`}
            style={{ left: `${dx * 100}%`, top: `${dy * 100}%`, background: a.kind === 'NOTE' ? (a.color ?? '#FFE14D') : undefined }}
            data-testid="annotation-pin"
            data-annotation-id={a.id}
            aria-label={t('documents:reader.openNote', { text: (a.note ?? '').slice(0, 60) })}
            onClick={() => onOpen(a)}
            tabIndex={0}
          >
            <span aria-hidden="true">✎</span>
          </button>
        );
      })}
    </>
  );
}

/** The rects of the text layer's spans, as fractions of the page as displayed. */
function spanRects(textBox: HTMLElement | null, box: DOMRect): Rect[] {
  if (!textBox) return [];
  const out: Rect[] = [];
  for (const span of Array.from(textBox.querySelectorAll('span'))) {
    if (!span.textContent?.trim()) continue;
    const r = span.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    out.push(rectFrom(clientToDisplay(r.left, r.top, box), clientToDisplay(r.right, r.bottom, box)));
  }
  return out;
}

/** A movement smaller than this (px) is a tap. */
const TAP = 6;

/**
 * The layer the tools draw on: a drag highlights (snapped to the text lines it crosses; a tap
 * highlights the line under the finger), the pen draws strokes, a tap with the note tool places a
 * note. A second finger (a pinch) cancels what was being drawn.
 */
function DrawLayer({
  pageNumber,
  rotation,
  tool,
  color,
  width,
  height,
  textBox,
  gesture,
  onCreate,
  onNoteAt,
}: {
  pageNumber: number;
  rotation: number;
  tool: Exclude<Tool, 'read'>;
  color: string;
  width: number;
  height: number;
  textBox: RefObject<HTMLDivElement | null>;
  gesture: RefObject<GestureState>;
  onCreate: (shape: NewShape) => void;
  onNoteAt: (page: number, at: Point) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const start = useRef<{ id: number; x: number; y: number } | null>(null);
  const points = useRef<Point[]>([]);
  const [drag, setDrag] = useState<Rect | null>(null);
  const [stroke, setStroke] = useState<Point[] | null>(null);

  const cancel = () => {
    start.current = null;
    points.current = [];
    setDrag(null);
    setStroke(null);
  };

  const box = () => ref.current?.getBoundingClientRect() ?? new DOMRect(0, 0, 1, 1);

  function down(e: ReactPointerEvent<HTMLDivElement>) {
    if (gesture.current?.pinching || start.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
    if (tool === 'pen') {
      points.current = [clientToPage(e.clientX, e.clientY, box(), rotation)];
      setStroke(points.current);
    }
  }

  function move(e: ReactPointerEvent<HTMLDivElement>) {
    const s = start.current;
    if (!s || s.id !== e.pointerId) return;
    if (gesture.current?.pinching) {
      cancel();
      return;
    }
    const b = box();
    if (tool === 'pen') {
      const events = e.nativeEvent.getCoalescedEvents?.() ?? [e.nativeEvent];
      for (const ev of events.length ? events : [e.nativeEvent]) points.current.push(clientToPage(ev.clientX, ev.clientY, b, rotation));
      setStroke([...points.current]);
    } else if (tool === 'highlight') {
      setDrag(rectFrom(clientToDisplay(s.x, s.y, b), clientToDisplay(e.clientX, e.clientY, b)));
    }
  }

  function up(e: ReactPointerEvent<HTMLDivElement>) {
    const s = start.current;
    if (!s || s.id !== e.pointerId) return;
    const b = box();
    const tap = Math.abs(e.clientX - s.x) < TAP && Math.abs(e.clientY - s.y) < TAP;
    if (tool === 'pen') {
      const path = thinPath(points.current);
      if (path.length >= 2) onCreate({ kind: 'INK', page: pageNumber, paths: [path.map(([x, y]) => [round(x), round(y)] as Point)] });
    } else if (tool === 'highlight') {
      const spans = spanRects(textBox.current, b);
      let shapes: Rect[];
      if (tap) {
        const [px, py] = clientToDisplay(e.clientX, e.clientY, b);
        shapes = mergeLineRects(spans.filter((r) => px >= r[0] && px <= r[0] + r[2] && py >= r[1] && py <= r[1] + r[3]));
      } else {
        shapes = snapToText(rectFrom(clientToDisplay(s.x, s.y, b), clientToDisplay(e.clientX, e.clientY, b)), spans);
      }
      const rects = shapes.map((r) => roundRect(rectFromDisplay(r, rotation))).filter((r) => r[2] > 0 && r[3] > 0);
      if (rects.length) onCreate({ kind: 'HIGHLIGHT', page: pageNumber, rects });
    } else if (tool === 'note' && tap) {
      const [x, y] = fromDisplay(clientToDisplay(e.clientX, e.clientY, b), rotation);
      onNoteAt(pageNumber, [round(x), round(y)]);
    }
    cancel();
  }

  const pts = (stroke ?? []).map((p) => {
    const [x, y] = toDisplay(p, rotation);
    return `${(x * width).toFixed(1)},${(y * height).toFixed(1)}`;
  });

  return (
    <div
      ref={ref}
      className={`pdf-draw tool-${tool}`}
      data-testid={`reader-draw-${pageNumber}`}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={cancel}
    >
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {drag && <rect className="drag-rect" x={drag[0] * width} y={drag[1] * height} width={drag[2] * width} height={drag[3] * height} fill={color} />}
        {stroke && stroke.length > 1 && <polyline className="draft-ink" points={pts.join(' ')} stroke={color} strokeWidth={Math.max(2, width / 300)} />}
      </svg>
    </div>
  );
}

const round = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1e5) / 1e5;
