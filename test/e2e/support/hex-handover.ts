import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { hexCentre, hexFeatures, type HexLayout } from "@/lib/geo/hex";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { publicOut } from "@/scripts/data/paths";
import { mapLocator, panToStartMapLibre, waitForMap, waitForMapReady } from "./atlas";

/**
 * The hex cartogram's handover, hex by hex: where the SVG drew each hex in its last frame on screen against where
 * MapLibre draws it once it has taken over (browser tests and the handover bench).
 */

/** A seat's box on screen: [left, top, right, bottom] in CSS pixels. */
export type ScreenBox = [number, number, number, number];

/** A boundary set's hexes as MapLibre draws them: each seat's centre and corners in the layout's degrees. */
function hexesOf(set: BoundarySet) {
  const layout = JSON.parse(readFileSync(publicOut(getGeoManifest(set).hex), "utf8")) as HexLayout;
  return hexFeatures(layout).features.map((hex) => ({
    code: hex.properties.code,
    centre: hexCentre(layout.layout, ...(layout.hexes[hex.properties.code] ?? [0, 0])),
    ring: hex.geometry.coordinates[0] ?? [],
  }));
}

/**
 * Reads every hex's box in the SVG on screen and starts watching the SVG's place on screen each frame until MapLibre
 * takes over, so the boxes can be moved to where the SVG last drew them (svgBoxesBeforeTakeover).
 */
async function watchSvgHexes(page: Page, hexes: number): Promise<void> {
  const drawn = await page.evaluate(() => {
    const root = document.querySelector('[data-testid="petition-map"]');
    const svg = root?.querySelector<SVGSVGElement>("svg[viewBox]");
    if (!root || !svg || root.getAttribute("data-renderer") !== "svg") return 0;
    const boxes: Record<string, [number, number, number, number]> = {};
    for (const link of svg.querySelectorAll("[data-seats] > a[data-code]")) {
      const box = link.querySelector("use")?.getBoundingClientRect();
      if (box) boxes[link.getAttribute("data-code") ?? ""] = [box.left, box.top, box.right, box.bottom];
    }
    const watch = {
      first: svg.getScreenCTM(),
      last: svg.getScreenCTM(),
      boxes,
      onFrame: null as unknown as () => void,
    };
    Object.assign(window, { hexHandoverWatch: watch });
    // Assigned, not declared: the test runner's compiler would wrap a declared function in a helper the page lacks.
    watch.onFrame = () => {
      if (root.getAttribute("data-renderer") !== "svg") return;
      watch.last = svg.getScreenCTM() ?? watch.last;
      requestAnimationFrame(watch.onFrame);
    };
    requestAnimationFrame(watch.onFrame);
    return Object.keys(boxes).length;
  });
  assert.equal(drawn, hexes, "the SVG draws every hex (and MapLibre has not taken over yet)");
}

/** The hexes' boxes as the SVG drew them in its last frame on screen. */
async function svgBoxesBeforeTakeover(page: Page): Promise<Map<string, ScreenBox>> {
  const boxes = await page.evaluate(() => {
    const { first, last, boxes } = (window as unknown as { hexHandoverWatch: Record<string, unknown> })
      .hexHandoverWatch as { first: DOMMatrix; last: DOMMatrix; boxes: Record<string, ScreenBox> };
    // Boxes read on the first frame, moved as the SVG moved since (the same drawing, so an affine map).
    const moved = last.multiply(first.inverse());
    return Object.entries(boxes).map(([code, [left, top, right, bottom]]) => {
      const a = new DOMPoint(left, top).matrixTransform(moved);
      const b = new DOMPoint(right, bottom).matrixTransform(moved);
      return [code, [a.x, a.y, b.x, b.y] as ScreenBox] as const;
    });
  });
  return new Map(boxes);
}

/** Each hex's box and centre on screen as MapLibre draws it now (its corners and centre projected). */
async function maplibreHexes(
  page: Page,
  seats: ReturnType<typeof hexesOf>,
): Promise<Map<string, { box: ScreenBox; centre: [number, number] }>> {
  const canvas = await mapLocator(page).locator("canvas").boundingBox();
  assert.ok(canvas, "MapLibre's canvas has a box");
  const projected = await page.evaluate((hexes) => {
    const map = window.petitionAtlasMap!;
    return hexes.map(({ code, centre, ring }) => {
      const corners = ring.map((corner) => map.project(corner as [number, number]));
      const middle = map.project(centre as [number, number]);
      const xs = corners.map((point) => point.x);
      const ys = corners.map((point) => point.y);
      return {
        code,
        box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        centre: [middle.x, middle.y],
      };
    });
  }, seats);
  return new Map(
    projected.map(({ code, box: [left = 0, top = 0, right = 0, bottom = 0], centre: [x = 0, y = 0] }) => [
      code,
      {
        box: [left + canvas.x, top + canvas.y, right + canvas.x, bottom + canvas.y],
        centre: [x + canvas.x, y + canvas.y],
      },
    ]),
  );
}

/** The largest distance of any hex's edges and centre between the two renderers, in CSS pixels. */
function handoverShift(
  svg: Map<string, ScreenBox>,
  webgl: Map<string, { box: ScreenBox; centre: [number, number] }>,
) {
  let edge = { px: 0, code: "" };
  let centre = { px: 0, code: "" };
  for (const [code, before] of svg) {
    const after = webgl.get(code);
    assert.ok(after, `MapLibre draws ${code}`);
    const edgePx = Math.max(...before.map((value, side) => Math.abs(value - (after.box[side] ?? 0))));
    const [left, top, right, bottom] = before;
    const centrePx = Math.hypot((left + right) / 2 - after.centre[0], (top + bottom) / 2 - after.centre[1]);
    if (edgePx > edge.px) edge = { px: edgePx, code };
    if (centrePx > centre.px) centre = { px: centrePx, code };
  }
  return { edge, centre };
}

/**
 * From a page opening on the hex view: waits for the SVG, boots MapLibre (a touch pan on a touch screen) and returns
 * each hex's box in the SVG just before the takeover and how far MapLibre then moved the hexes (edges, centres).
 */
export async function hexHandover(page: Page, { set, touch }: { set: BoundarySet; touch: boolean }) {
  const hexes = hexesOf(set);
  await waitForMap(page, "svg");
  await watchSvgHexes(page, hexes.length);
  await (touch ? panToStartMapLibre(page) : waitForMapReady(page));
  const svg = await svgBoxesBeforeTakeover(page);
  return { svg, ...handoverShift(svg, await maplibreHexes(page, hexes)) };
}

/** The 2024 cartogram's hex furthest from the equator (10°S), where Mercator stretches a hex most. */
export const southernmostHex = (set: BoundarySet) =>
  hexesOf(set).reduce((south, hex) => (hex.centre[1] < south.centre[1] ? hex : south)).code;
