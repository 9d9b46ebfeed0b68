import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { Bounds } from "@/lib/geo/seats-topology";
import { projectMercator, unprojectMercator } from "@/lib/seats/mercator";
import type { BoundarySet } from "@/lib/seats/types";
import { mapLocator, readCamera } from "./atlas";
import { seatBox } from "./seats";

/** What the map on screen shows: its renderer and the [west, south, east, north] filling the map's box. */
export interface ShownView {
  renderer: string;
  bounds: Bounds;
  /** The map's box width in CSS pixels, to say how far apart two views are on screen. */
  widthPx: number;
}

/** The view the map shows now, read from the renderer on screen (SVG: its screen transform; WebGL: its camera). */
export async function shownView(page: Page): Promise<ShownView> {
  const map = mapLocator(page);
  const renderer = (await map.getAttribute("data-renderer")) ?? "";
  const box = await map.boundingBox();
  assert.ok(box, "the map has a box");
  if (renderer === "webgl") return { renderer, bounds: (await readCamera(page)).bounds, widthPx: box.width };
  const corners = await map
    .locator("svg")
    .first()
    .evaluate((svg, { x, y, width, height }) => {
      const toDrawing = (svg as SVGSVGElement).getScreenCTM()?.inverse();
      return [
        [x, y],
        [x + width, y + height],
      ].map(([px = 0, py = 0]) => {
        const point = new DOMPoint(px, py).matrixTransform(toDrawing);
        return [point.x, point.y] as const;
      });
    }, box);
  const [[left = 0, top = 0] = [], [right = 0, bottom = 0] = []] = corners;
  const [west, north] = unprojectMercator(left, top);
  const [east, south] = unprojectMercator(right, bottom);
  return { renderer, bounds: [west, south, east, north], widthPx: box.width };
}

/** How far apart two views' edges are on screen, in CSS pixels (the largest of the four). */
export function viewShiftPx(a: ShownView, b: ShownView): number {
  const [x0, y0] = projectMercator(a.bounds[0], a.bounds[3]);
  const [x1, y1] = projectMercator(a.bounds[2], a.bounds[1]);
  const [u0, v0] = projectMercator(b.bounds[0], b.bounds[3]);
  const [u1, v1] = projectMercator(b.bounds[2], b.bounds[1]);
  const pxPerUnit = a.widthPx / (x1 - x0);
  return Math.max(...[x0 - u0, y0 - v0, x1 - u1, y1 - v1].map((d) => Math.abs(d) * pxPerUnit));
}

/**
 * Where the centre of a seat's box is on screen, in the renderer on screen, and whether the map is what the page
 * shows there, rather than something over it (the bottom sheet, the search) or nothing (off screen).
 */
export async function seatCentreOnScreen(
  page: Page,
  set: BoundarySet,
  code: string,
): Promise<{ x: number; y: number; renderer: string; uncovered: boolean; what: string }> {
  const map = mapLocator(page);
  const renderer = (await map.getAttribute("data-renderer")) ?? "";
  const [west, south, east, north] = seatBox(set, code);
  const [lng, lat] = [(west + east) / 2, (south + north) / 2];
  let point: { x: number; y: number };
  if (renderer === "webgl") {
    const canvas = await map.locator("canvas").boundingBox();
    assert.ok(canvas, "the canvas has a box");
    const pixel = await page.evaluate(([x, y]) => window.petitionAtlasMap!.project([x, y]), [
      lng,
      lat,
    ] as const);
    point = { x: canvas.x + pixel.x, y: canvas.y + pixel.y };
  } else {
    point = await map
      .locator("svg")
      .first()
      .evaluate(
        (svg, [x, y]) => {
          const screen = new DOMPoint(x, y).matrixTransform(
            (svg as SVGSVGElement).getScreenCTM() ?? undefined,
          );
          return { x: screen.x, y: screen.y };
        },
        projectMercator(lng, lat),
      );
  }
  const seen = await page.evaluate(({ x, y }) => {
    const element = document.elementFromPoint(x, y);
    const over =
      element?.closest("[aria-label]")?.getAttribute("aria-label") ?? element?.tagName ?? "nothing";
    return { onMap: element?.closest('[data-testid="petition-map"]') != null, what: over.slice(0, 60) };
  }, point);
  return { ...point, renderer, uncovered: seen.onMap, what: seen.what };
}

/** The seat the map on screen draws at a page pixel, in the renderer shown; null for none (sea, or covered). */
export async function seatAt(page: Page, x: number, y: number): Promise<string | null> {
  const renderer = await mapLocator(page).getAttribute("data-renderer");
  const canvas = renderer === "webgl" ? await mapLocator(page).locator("canvas").boundingBox() : null;
  return page.evaluate(
    ({ x, y, renderer, canvas }) => {
      if (renderer !== "webgl" || !canvas)
        return document.elementFromPoint(x, y)?.closest("a[data-code]")?.getAttribute("data-code") ?? null;
      const [seat] = window.petitionAtlasMap!.queryRenderedFeatures([x - canvas.x, y - canvas.y]);
      // The seats' source promotes each seat's code to its feature id.
      const code: unknown = seat?.id;
      return typeof code === "string" ? code : null;
    },
    { x, y, renderer, canvas },
  );
}
