import { describe, expect, it } from 'vitest';
import {
  type Box,
  type Rect,
  clientRectToPage,
  clientToPage,
  displayScale,
  fromDisplay,
  mergeLineRects,
  pageToClient,
  pinchZoom,
  rectToDisplay,
  roundRect,
  scrollForZoom,
  snapToText,
  stepZoom,
  textItemRect,
  thinPath,
  toDisplay,
} from './geometry';

const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i] ?? NaN, 6));

describe('screen ↔ page fractions', () => {
  // an A4 page shown 600 px wide, its top-left corner 100 px right and 50 px down on the screen
  const box: Box = { left: 100, top: 50, width: 600, height: 848.5 };

  it('turns a screen position into fractions from the top-left corner', () => {
    close(clientToPage(100, 50, box, 0), [0, 0]);
    close(clientToPage(400, 50 + 848.5 / 2, box, 0), [0.5, 0.5]);
    close(clientToPage(700, 898.5, box, 0), [1, 1]);
  });

  it('gives the same fractions at any zoom (the box grows, the point stays on the same word)', () => {
    const zoomed: Box = { left: 100 - 300, top: 50 - 1000, width: 1200, height: 1697 }; // zoom 2, scrolled
    const word = pageToClient([0.25, 0.75], zoomed, 0);
    close(clientToPage(word.x, word.y, zoomed, 0), [0.25, 0.75]);
    const same = pageToClient([0.25, 0.75], box, 0);
    close(clientToPage(same.x, same.y, box, 0), [0.25, 0.75]);
    expect(word.x - zoomed.left).toBeCloseTo(2 * (same.x - box.left), 6);
  });

  it('keeps positions outside the page on its edge', () => {
    close(clientToPage(0, 2000, box, 0), [0, 1]);
  });

  it('stores fractions of the unrotated page for a page shown turned', () => {
    // a landscape page shown turned 90° clockwise: its top-left corner appears at the top right
    close(toDisplay([0, 0], 90), [1, 0]);
    close(fromDisplay([1, 0], 90), [0, 0]);
    for (const r of [0, 90, 180, 270]) {
      for (const p of [
        [0.1, 0.2],
        [0.9, 0.35],
      ] as [number, number][]) {
        close(fromDisplay(toDisplay(p, r), r), p);
        const c = pageToClient(p, box, r);
        close(clientToPage(c.x, c.y, box, r), p);
      }
    }
    close(toDisplay([0.1, 0.2], 180), [0.9, 0.8]);
    close(toDisplay([0.1, 0.2], 270), [0.2, 0.9]);
  });

  it('maps a client rect to a page rect and back (rotated)', () => {
    const r = clientRectToPage({ left: 160, top: 50 + 84.85, right: 460, bottom: 50 + 169.7 }, box, 0);
    close(r, [0.1, 0.1, 0.5, 0.1]);
    const turned = clientRectToPage({ left: 160, top: 50 + 84.85, right: 460, bottom: 50 + 169.7 }, box, 90);
    close(rectToDisplay(turned, 90), [0.1, 0.1, 0.5, 0.1]);
    close(turned, [0.1, 0.4, 0.1, 0.5]);
  });

  it('rounds and clips what is sent to the server', () => {
    expect(roundRect([-0.1, 0.5, 0.3, 0.7])).toEqual([0, 0.5, 0.2, 0.5]);
    const [x, , w] = roundRect([0.333333333, 0, 0.666666667, 0.1]);
    expect(x + w).toBeLessThanOrEqual(1);
  });
});

describe('highlight shapes', () => {
  it('joins the word rects of one line into one bar', () => {
    const words: Rect[] = [
      [0.1, 0.2, 0.1, 0.02],
      [0.205, 0.201, 0.1, 0.02],
      [0.1, 0.25, 0.2, 0.02],
    ];
    const lines = mergeLineRects(words);
    expect(lines).toHaveLength(2);
    close(lines[0] as number[], [0.1, 0.2, 0.205, 0.021]);
  });

  it('snaps a drag across a line to the line of text', () => {
    const spans: Rect[] = [
      [0.1, 0.3, 0.4, 0.02],
      [0.5, 0.3, 0.3, 0.02],
      [0.1, 0.4, 0.7, 0.02],
    ];
    // a thin drag along the first line, from x = 0.2 to 0.7
    const rects = snapToText([0.2, 0.305, 0.5, 0.005], spans);
    expect(rects).toHaveLength(1);
    close(rects[0] as number[], [0.2, 0.3, 0.5, 0.02]);
    // a tall drag over both lines gives two bars
    expect(snapToText([0.1, 0.29, 0.7, 0.15], spans)).toHaveLength(2);
  });

  it('keeps the dragged rect where there is no text', () => {
    expect(snapToText([0.1, 0.1, 0.2, 0.2], [])).toEqual([[0.1, 0.1, 0.2, 0.2]]);
    expect(snapToText([0.1, 0.1, 0, 0], [])).toEqual([]);
  });

  it('thins an ink stroke, keeping its ends', () => {
    const pts: [number, number][] = Array.from({ length: 100 }, (_, i) => [i * 0.0005, 0.5]);
    const thin = thinPath(pts);
    expect(thin.length).toBeLessThan(30);
    expect(thin[0]).toEqual([0, 0.5]);
    expect(thin[thin.length - 1]).toEqual(pts[99]);
    expect(thinPath(pts, 0, 10)).toHaveLength(10);
  });
});

describe('zoom', () => {
  it('steps through the zoom levels', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });

  it('follows a pinch within the limits', () => {
    expect(pinchZoom(1, 100, 200)).toBe(2);
    expect(pinchZoom(2, 100, 50)).toBe(1);
    expect(pinchZoom(1, 100, 1000)).toBe(4);
    expect(pinchZoom(1, 0, 50)).toBe(1);
  });

  it('keeps the point under the fingers in place', () => {
    // content at 300 px (scroll 200 + focus 100) doubles to 600: scroll 500 keeps it at focus 100
    expect(scrollForZoom(200, 100, 2)).toBe(500);
    expect(scrollForZoom(0, 0, 0.5)).toBe(0);
  });

  it('fits the page width at zoom 1', () => {
    expect(displayScale(1024, 595, 1)).toBeCloseTo(1000 / 595, 6);
    expect(displayScale(1024, 595, 2)).toBeCloseTo(2000 / 595, 6);
  });
});

describe('text item rects', () => {
  it('places characters of a text item on an A4 page, measured from the top-left corner', () => {
    // "Báo cáo" at x = 100, baseline y = 700 (PDF units, y up), 12 units high, 70 units wide
    const item = { transform: [12, 0, 0, 12, 100, 700], width: 70, height: 12, length: 7 };
    const view = [0, 0, 595, 842];
    const whole = textItemRect(item, 0, 7, view);
    close(whole, [100 / 595, (842 - 710.8) / 842, 70 / 595, (0.9 * 12 + 0.22 * 12) / 842]);
    const last3 = textItemRect(item, 4, 7, view);
    expect(last3[0]).toBeCloseTo(140 / 595, 6);
    expect(last3[2]).toBeCloseTo(30 / 595, 6);
  });

  it('takes the page box offset into account', () => {
    const item = { transform: [10, 0, 0, 10, 60, 60], width: 10, height: 10, length: 1 };
    const r = textItemRect(item, 0, 1, [50, 50, 150, 150]);
    expect(r[0]).toBeCloseTo(0.1, 6);
    expect(r[1]).toBeCloseTo(1 - (60 + 9 - 50) / 100, 6);
  });
});
