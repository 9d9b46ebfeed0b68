/**
 * A reader's pan and zoom as a screen transform: a point drawn at p (CSS px, relative to the element's box) shows at
 * scale × p + (x, y). The server-rendered SVG follows the pan or pinch that boots MapLibre with it, so MapLibre can
 * open on what the reader's gesture made of the SVG (docs/decisions/0040-maplibre-boot-when.md).
 */
export interface PanZoom {
  scale: number;
  x: number;
  y: number;
}

export const UNMOVED: PanZoom = { scale: 1, x: 0, y: 0 };

/** Moved by (dx, dy) screen px. */
export function panBy(view: PanZoom, dx: number, dy: number): PanZoom {
  return { scale: view.scale, x: view.x + dx, y: view.y + dy };
}

/** Zoomed by `factor` about the screen point (cx, cy), which stays where it is. */
export function zoomBy(view: PanZoom, factor: number, cx: number, cy: number): PanZoom {
  return {
    scale: view.scale * factor,
    x: cx + (view.x - cx) * factor,
    y: cy + (view.y - cy) * factor,
  };
}

/**
 * How far one wheel event zooms, by MapLibre's rule for a wheel (a sigmoid of the delta, at most ×2; a notch of a
 * mouse wheel at 1/450 per px, small trackpad deltas at 1/100), so the SVG zooms as the map it hands over to would.
 * `deltaMode` 1 counts lines, 40 px each.
 */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 40 : deltaY;
  const rate = Math.abs(pixels) > 4.000244140625 ? 1 / 450 : 1 / 100;
  const scale = 2 / (1 + Math.exp(-Math.abs(pixels * rate)));
  // Scrolling down (a positive delta) zooms out.
  return pixels > 0 ? 1 / scale : scale;
}

/** The CSS transform drawing `view` (transform-origin at the element's top left corner). */
export function cssTransform({ scale, x, y }: PanZoom): string {
  return `matrix(${scale}, 0, 0, ${scale}, ${x}, ${y})`;
}
