import type { AnnotationKind } from '../../api/types';
import type { Point, Rect } from './geometry';

/** What a touch on the page does: read (scroll, select text, open an annotation), or annotate. */
export type Tool = 'read' | 'highlight' | 'pen' | 'note';

export const TOOLS: readonly Tool[] = ['read', 'highlight', 'pen', 'note'];

/** The colours offered (the server takes any #RRGGBB). */
export const COLORS = [
  { value: '#FFE14D', name: 'yellow' },
  { value: '#7CD992', name: 'green' },
  { value: '#7FB8FF', name: 'blue' },
  { value: '#FF8FB1', name: 'pink' },
  { value: '#E53935', name: 'red' },
  { value: '#1F2937', name: 'black' },
] as const;

export const DEFAULT_COLOR: Record<Exclude<Tool, 'read'>, string> = {
  highlight: '#FFE14D',
  pen: '#E53935',
  note: '#FFE14D',
};

/** A new annotation's shape, as the page made it (fractions of the unrotated page). */
export interface NewShape {
  kind: AnnotationKind;
  page: number;
  rects?: Rect[];
  paths?: Point[][];
}

/** A search hit on a page, ready to draw. */
export interface PageHit {
  key: string;
  rects: Rect[];
  active: boolean;
}

/** Shared between the page views and the viewer: a two-finger gesture is under way. */
export interface GestureState {
  pinching: boolean;
}
