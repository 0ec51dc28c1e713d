// Where an annotation sits on a page. The server keeps coordinates as fractions (0..1) of the page
// from its top-left corner, as the page is at rotation 0 (its MediaBox, without the page's own
// /Rotate): a highlight's rects are [x, y, w, h], an ink stroke a list of [x, y]. The reader shows a
// page turned by its /Rotate and at any zoom, so a pointer's screen position goes through two steps:
// screen → fraction of the page's box as displayed (zoom and scrolling are in the box) → fraction of
// the unrotated page. Pure functions: no DOM.

/** [x, y, w, h] as fractions of the page. */
export type Rect = [number, number, number, number];
/** [x, y] as fractions of the page. */
export type Point = [number, number];

/** Where a page's box is on the screen (getBoundingClientRect). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A right angle of turn: 0, 90, 180 or 270 degrees clockwise (anything else is brought to one). */
export function normRotation(rotation: number): 0 | 90 | 180 | 270 {
  const r = ((Math.round(rotation / 90) * 90) % 360 + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A point of the unrotated page as it appears on the page turned `rotation` degrees clockwise. */
export function toDisplay([x, y]: Point, rotation: number): Point {
  switch (normRotation(rotation)) {
    case 90:
      return [1 - y, x];
    case 180:
      return [1 - x, 1 - y];
    case 270:
      return [y, 1 - x];
    default:
      return [x, y];
  }
}

/** The inverse of {@link toDisplay}: a point of the turned page on the unrotated page. */
export function fromDisplay([x, y]: Point, rotation: number): Point {
  switch (normRotation(rotation)) {
    case 90:
      return [y, 1 - x];
    case 180:
      return [1 - x, 1 - y];
    case 270:
      return [1 - y, x];
    default:
      return [x, y];
  }
}

/** The rect spanned by two corners (in any order). */
export function rectFrom(a: Point, b: Point): Rect {
  const x = Math.min(a[0], b[0]);
  const y = Math.min(a[1], b[1]);
  return [x, y, Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
}

function mapRect([x, y, w, h]: Rect, f: (p: Point) => Point): Rect {
  return rectFrom(f([x, y]), f([x + w, y + h]));
}

export const rectToDisplay = (r: Rect, rotation: number): Rect => mapRect(r, (p) => toDisplay(p, rotation));
export const rectFromDisplay = (r: Rect, rotation: number): Rect => mapRect(r, (p) => fromDisplay(p, rotation));

/** A screen position as a fraction of the page's box as displayed (clamped to the page). */
export function clientToDisplay(clientX: number, clientY: number, box: Box): Point {
  if (!(box.width > 0) || !(box.height > 0)) return [0, 0];
  return [clamp01((clientX - box.left) / box.width), clamp01((clientY - box.top) / box.height)];
}

/** A screen position as a fraction of the unrotated page (what the server stores). */
export function clientToPage(clientX: number, clientY: number, box: Box, rotation: number): Point {
  return fromDisplay(clientToDisplay(clientX, clientY, box), rotation);
}

/** A point of the unrotated page on the screen. */
export function pageToClient(p: Point, box: Box, rotation: number): { x: number; y: number } {
  const [dx, dy] = toDisplay(p, rotation);
  return { x: box.left + dx * box.width, y: box.top + dy * box.height };
}

/** A screen rectangle (e.g. a text selection's client rect) as a rect of the unrotated page, clipped to it. */
export function clientRectToPage(r: { left: number; top: number; right: number; bottom: number }, box: Box, rotation: number): Rect {
  return rectFromDisplay(rectFrom(clientToDisplay(r.left, r.top, box), clientToDisplay(r.right, r.bottom, box)), rotation);
}

/** The rect clipped to the page (the server refuses anything outside 0..1). */
export function clampRect([x, y, w, h]: Rect): Rect {
  const x0 = clamp01(x);
  const y0 = clamp01(y);
  const x1 = clamp01(x + w);
  const y1 = clamp01(y + h);
  return [x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)];
}

/** Rounded to 5 decimals (a tenth of a point on an A4 page), to keep the stored numbers short. */
export function round5(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}

export function roundRect(r: Rect): Rect {
  const [x, y, w, h] = clampRect(r).map(round5) as Rect;
  // rounding must not push the far edge past 1
  return [x, y, Math.min(w, round5(1 - x)), Math.min(h, round5(1 - y))];
}

const overlapY = (a: Rect, b: Rect) => Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);

/**
 * One rect per line: rects that share most of their height and touch (or nearly) are joined. The
 * rects of a text selection come one per word or run of text; a highlight reads better as bars.
 */
export function mergeLineRects(rects: readonly Rect[], gap = 0.01): Rect[] {
  const sorted = rects.filter((r) => r[2] > 0 && r[3] > 0).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const out: Rect[] = [];
  for (const r of sorted) {
    const line = out.find((o) => overlapY(o, r) >= 0.5 * Math.min(o[3], r[3]) && r[0] <= o[0] + o[2] + gap && o[0] <= r[0] + r[2] + gap);
    if (!line) {
      out.push([...r]);
      continue;
    }
    const x0 = Math.min(line[0], r[0]);
    const y0 = Math.min(line[1], r[1]);
    const x1 = Math.max(line[0] + line[2], r[0] + r[2]);
    const y1 = Math.max(line[1] + line[3], r[1] + r[3]);
    line[0] = x0;
    line[1] = y0;
    line[2] = x1 - x0;
    line[3] = y1 - y0;
  }
  return out;
}

/**
 * A highlight dragged across text: the dragged rect snaps to the lines of text it crosses (their
 * full height, cut at the drag's left and right ends). With no text under it (a scanned page, a
 * picture) the dragged rect is kept as it is. All rects in the same space (display fractions).
 */
export function snapToText(drag: Rect, spans: readonly Rect[]): Rect[] {
  const [dx, dy, dw, dh] = drag;
  const hits: Rect[] = [];
  for (const s of spans) {
    const x0 = Math.max(dx, s[0]);
    const x1 = Math.min(dx + dw, s[0] + s[2]);
    const touchesY = dy <= s[1] + s[3] && s[1] <= dy + dh;
    if (x1 > x0 && touchesY) hits.push([x0, s[1], x1 - x0, s[3]]);
  }
  if (!hits.length) return dw > 0 && dh > 0 ? [drag] : [];
  return mergeLineRects(hits);
}

/**
 * Fewer points for an ink stroke: a point closer than `minStep` to the last kept one is dropped
 * (the last point is always kept), and at most `max` points remain (the server's limit).
 */
export function thinPath(points: readonly Point[], minStep = 0.002, max = 5000): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minStep) out.push(p);
  }
  const end = points[points.length - 1];
  if (end && out[out.length - 1] !== end && out.length > 0) out.push(end);
  if (out.length <= max) return out;
  const step = out.length / max;
  return Array.from({ length: max }, (_, i) => out[Math.min(out.length - 1, Math.round(i * step))] as Point);
}

// ---- zoom ----

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 4;
/** The zoom buttons' steps (1 = the page as wide as the reading area). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4] as const;

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

/** The next zoom step up (dir 1) or down (dir -1) from `zoom`. */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > zoom + 1e-6) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < zoom - 1e-6) ?? MIN_ZOOM;
}

/** A pinch: the zoom it started at, scaled by how far the two fingers moved apart. */
export function pinchZoom(startZoom: number, startDistance: number, distance: number): number {
  if (!(startDistance > 0)) return startZoom;
  return clampZoom((startZoom * distance) / startDistance);
}

/**
 * The scroll offset that keeps the content under `focus` (a position in the scrolling area's
 * viewport, px) in place when everything grows by `ratio`.
 */
export function scrollForZoom(scroll: number, focus: number, ratio: number): number {
  return Math.max(0, (scroll + focus) * ratio - focus);
}

/**
 * CSS pixels per PDF unit for a page `pageWidth` units wide (as displayed) shown at `zoom` in an
 * area `areaWidth` px wide: zoom 1 fits the page's width, with `margin` px left free.
 */
export function displayScale(areaWidth: number, pageWidth: number, zoom: number, margin = 24): number {
  if (!(pageWidth > 0)) return zoom;
  return (Math.max(200, areaWidth - margin) / pageWidth) * zoom;
}

/**
 * Where characters [from, to) of a text item sit on the unrotated page, as a rect of fractions.
 * `transform` is the item's text matrix [a, b, c, d, e, f] (origin at the baseline's start), `width`
 * and `height` its size in page units, `view` the page's box [x0, y0, x1, y1] (PDF units, y up).
 * Characters are taken as equally wide (close enough to mark a search hit).
 */
export function textItemRect(
  item: { transform: readonly number[]; width: number; height: number; length: number },
  from: number,
  to: number,
  view: readonly number[],
): Rect {
  const [x0 = 0, y0 = 0, x1 = 1, y1 = 1] = view;
  const pw = x1 - x0 || 1;
  const ph = y1 - y0 || 1;
  const e = item.transform[4] ?? 0;
  const f = item.transform[5] ?? 0;
  const h = item.height || Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 10;
  const n = Math.max(1, item.length);
  const left = e + (item.width * Math.max(0, from)) / n;
  const right = e + (item.width * Math.min(n, to)) / n;
  // from a little below the baseline (descenders) to the top of the letters
  const bottom = f - 0.22 * h;
  const top = f + 0.9 * h;
  return clampRect([(left - x0) / pw, (y1 - top) / ph, (right - left) / pw, (top - bottom) / ph]);
}
