import { describe, expect, it } from "vitest";
import { cssTransform, panBy, UNMOVED, wheelFactor, zoomBy, type PanZoom } from "./pan-zoom";

/** Where a point drawn at (px, py) shows under `view`. */
const shown = (view: PanZoom, px: number, py: number) => [view.scale * px + view.x, view.scale * py + view.y];

describe("pan and zoom as a screen transform", () => {
  it("pans by the pointer's movement", () => {
    const view = panBy(panBy(UNMOVED, 30, -10), 5, 5);
    expect(view).toEqual({ scale: 1, x: 35, y: -5 });
    expect(shown(view, 100, 100)).toEqual([135, 95]);
  });

  it("keeps the point under the zoom's centre where it is", () => {
    const view = zoomBy(panBy(UNMOVED, 20, 0), 2, 200, 100);
    // The point on screen at (200, 100) before the zoom was drawn at (180, 100).
    expect(shown(view, 180, 100)).toEqual([200, 100]);
    expect(view.scale).toBe(2);
  });

  it("undoes a zoom with its inverse about the same point", () => {
    const view = zoomBy(zoomBy(UNMOVED, 1.5, 40, 60), 1 / 1.5, 40, 60);
    expect(view.scale).toBeCloseTo(1, 12);
    expect(view.x).toBeCloseTo(0, 12);
    expect(view.y).toBeCloseTo(0, 12);
  });

  it("zooms in on a wheel turned up, out on one turned down, as MapLibre does", () => {
    // One notch of a mouse wheel (100 px): MapLibre's sigmoid at 1/450 per px.
    expect(wheelFactor(-100, 0)).toBeCloseTo(2 / (1 + Math.exp(-100 / 450)), 12);
    expect(wheelFactor(100, 0)).toBeCloseTo(1 / wheelFactor(-100, 0), 12);
    // Three lines are 120 px.
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-120, 0), 12);
    // Never more than ×2 per event.
    expect(wheelFactor(-1e6, 0)).toBeLessThanOrEqual(2);
  });

  it("writes the transform CSS draws", () => {
    expect(cssTransform({ scale: 1.5, x: -20, y: 8 })).toBe("matrix(1.5, 0, 0, 1.5, -20, 8)");
  });
});
