import assert from "node:assert/strict";
import type { Frame, Locator, Page } from "playwright-core";
import type { Bounds } from "@/lib/geo/seats-topology";
import { projectMercator } from "@/lib/seats/mercator";
import type { BoundarySet } from "@/lib/seats/types";
import { MAP_TIMEOUT_MS } from "../harness";
import { eventually } from "./eventually";
import { interiorPoint, isInside } from "./seats";

/** Page-object helpers over the UI contract: data-testid hooks, roles and labels. */

export const mapLocator = (page: Page) => page.getByTestId("petition-map");
export const panelLocator = (page: Page) => page.getByTestId("area-panel");
export const seatTable = (page: Page) => page.getByRole("table", { name: /^Signatures by constituency/ });
/** A boundary set's SVG of seat paths, the file a map drawn in the browser fetches its seat shapes from. */
export const SEAT_PATHS_FILE = /\/geo\/pcon-\d{4}\.[0-9a-f]+\.svg$/;

/**
 * Waits until MapLibre has taken over from the server-rendered SVG and painted every seat (so the page has
 * hydrated too); a timeout says which state and renderer the map was stuck in.
 */
export async function waitForMapReady(page: Page, timeout = MAP_TIMEOUT_MS): Promise<void> {
  await waitForMap(page, "webgl", timeout);
}

/**
 * Waits until React has hydrated the map (the page's scripts load after its first paint, decision 0073): the one
 * sign of it a browser shows is the props React keeps on each element it has taken over.
 */
export async function waitForHydrated(page: Page, timeout = MAP_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = document.querySelector('[data-testid="petition-map"]');
      return map !== null && Object.keys(map).some((key) => key.startsWith("__reactProps$"));
    },
    undefined,
    { timeout },
  );
}

/** The shape files MapLibre fetches as it boots (boundaries TopoJSON or hex layout); the SVG never fetches them. */
export const MAPLIBRE_SHAPES_FILE = /\/geo\/[^/]+\.json$/;

/**
 * On a touch screen MapLibre boots at the reader's first pan or zoom on the map: drags a finger across the middle
 * of the map (touch events as a phone sends them), once the page has hydrated, until MapLibre starts fetching its
 * shapes, then waits until it has taken over. The map follows the drag, so by default the
 * finger goes there and back, leaving the map where it was; `across` leaves it at the far end. Returns how far the
 * drag that started MapLibre moved the map, in CSS px.
 */
export async function panToStartMapLibre(
  page: Page,
  drag: "there and back" | "across" = "there and back",
): Promise<{ dx: number; dy: number }> {
  await waitForHydrated(page);
  const box = await mapLocator(page).boundingBox();
  assert.ok(box, "the map has a box");
  const y = box.y + box.height * 0.4;
  const [from, to] = [box.x + box.width * 0.3, box.x + box.width * 0.7];
  const onMap = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid="petition-map"]') != null,
    [from, y] as const,
  );
  assert.ok(onMap, `the drag starts on the map, at ${Math.round(from)},${Math.round(y)}`);
  const cdp = await page.context().newCDPSession(page);
  // Seen whenever it comes: a drag that started MapLibre slowly must not be followed by another that moves the map.
  let started = false;
  const onRequest = (request: { url(): string }) => {
    if (MAPLIBRE_SHAPES_FILE.test(request.url())) started = true;
  };
  page.on("request", onRequest);
  try {
    for (let attempt = 1; ; attempt++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
      for (let step = 1; step <= 8; step++) {
        const x = from + ((to - from) * step) / 8;
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
      }
      for (let step = 7; drag === "there and back" && step >= 0; step--) {
        const x = from + ((to - from) * step) / 8;
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      // The page saw the drag if the SVG followed it (a layer above it carries the drag's transform, from the next
      // frame on) or MapLibre exists, even if its shapes have yet to be asked for: looked for until 3 s have passed.
      const seen = async () =>
        started ||
        (await page.evaluate(
          () =>
            "petitionAtlasMap" in window ||
            document.querySelector('[data-testid="petition-map"] svg')?.closest('[style*="matrix("]') != null,
        ));
      let saw = await seen();
      for (let waited = 0; !saw && waited < 3_000; waited += 100) {
        await page.waitForTimeout(100);
        saw = await seen();
      }
      if (saw) break;
      assert.ok(attempt < 10, "MapLibre did not start after 10 drags across the map");
    }
  } finally {
    page.off("request", onRequest);
    await cdp.detach();
  }
  await waitForMapReady(page);
  return { dx: drag === "across" ? to - from : 0, dy: 0 };
}

/** Waits until the map on screen, SVG or WebGL as named, shows every seat's value. */
export async function waitForMap(page: Page | Frame, renderer: "svg" | "webgl", timeout = MAP_TIMEOUT_MS) {
  try {
    await page
      .locator(`[data-testid="petition-map"][data-renderer="${renderer}"][data-state="ready"]`)
      .waitFor({ timeout });
  } catch {
    const map = page.getByTestId("petition-map");
    const state = await map.getAttribute("data-state", { timeout: 1_000 }).catch(() => "absent");
    const drawnBy = await map.getAttribute("data-renderer", { timeout: 1_000 }).catch(() => "absent");
    throw new Error(
      `Map not ready on ${renderer} within ${timeout} ms (data-state=${state}, data-renderer=${drawnBy})`,
    );
  }
}

export async function selectedCode(page: Page): Promise<string | null> {
  return mapLocator(page).getAttribute("data-selected");
}

export interface PanelReading {
  title: string;
  /** dt text → dd text. */
  facts: Record<string, string>;
  /** All the panel's text with whitespace collapsed. */
  text: string;
}

export async function readPanel(page: Page): Promise<PanelReading> {
  const panel = panelLocator(page);
  await panel.waitFor({ state: "visible" });
  const title = collapse(await panel.getByRole("heading", { level: 2 }).innerText());
  const facts = await panel.locator("dl").evaluate((list) => {
    const pairs: Record<string, string> = {};
    for (const term of list.querySelectorAll("dt")) {
      const value = term.nextElementSibling;
      if (value?.tagName === "DD") pairs[term.textContent ?? ""] = value.textContent ?? "";
    }
    return pairs;
  });
  const tidy = Object.fromEntries(
    Object.entries(facts).map(([key, value]) => [collapse(key), collapse(value)]),
  );
  return { title, facts: tidy, text: collapse((await panel.textContent()) ?? "") };
}

/** Waits until the panel shows the seat, then checks its figures against the expected ones. */
export async function expectPanel(
  page: Page,
  expected: { name: string; signatures: string; share: string; rank: string },
): Promise<PanelReading> {
  const reading = await eventually(
    async () => {
      const current = await readPanel(page);
      assert.equal(current.title, expected.name, "panel heading");
      return current;
    },
    { timeout: 5_000, what: `panel for ${expected.name}` },
  );
  assert.equal(reading.facts["Signatures"], expected.signatures, `${expected.name}: Signatures`);
  assert.equal(
    reading.facts["Share of UK signatures"],
    expected.share,
    `${expected.name}: Share of UK signatures`,
  );
  assert.equal(reading.facts["Rank"], expected.rank, `${expected.name}: Rank`);
  assert.ok(reading.facts["Per 1,000 electors"], `${expected.name}: Per 1,000 electors is shown`);
  return reading;
}

export async function expectSelected(page: Page, code: string | null): Promise<void> {
  await eventually(
    async () => {
      assert.equal(await selectedCode(page), code ?? "", "data-selected");
      assert.equal(new URL(page.url()).searchParams.get("area"), code, "?area= in the URL");
    },
    { timeout: 5_000, what: `selection ${code ?? "(none)"}` },
  );
}

export async function expectNoPanel(page: Page): Promise<void> {
  await eventually(async () => assert.equal(await panelLocator(page).count(), 0, "seat panel present"), {
    timeout: 5_000,
  });
}

/**
 * Clicks a seat on the WebGL map: zooms the camera onto a point inside it (a seat is a few pixels wide at UK zoom),
 * checks the map itself has that seat under the point, then clicks the pixel MapLibre projects it to.
 */
export async function clickSeatOnMap(page: Page, set: BoundarySet, code: string): Promise<void> {
  const point = interiorPoint(set, code);
  assert.ok(isInside(set, code, point), `chosen point ${point.join(",")} is inside ${code}`);
  const pixel = await page.evaluate(
    ([lng, lat]) =>
      new Promise<{ x: number; y: number }>((resolve) => {
        const map = window.petitionAtlasMap;
        if (!map) throw new Error("window.petitionAtlasMap is missing");
        // No named inner functions: tsx wraps them in a __name helper that does not exist in the page.
        map.once("idle", () => resolve(map.project([lng, lat])));
        // "idle" may never come if nothing needed drawing; project anyway after a while.
        setTimeout(() => resolve(map.project([lng, lat])), 10_000);
        map.jumpTo({ center: [lng, lat], zoom: 10 });
      }),
    point,
  );
  const canvas = mapLocator(page).locator("canvas");
  const box = await canvas.boundingBox();
  assert.ok(box, "map canvas has a box");
  await page.mouse.click(box.x + pixel.x, box.y + pixel.y);
}

/** The page pixel where the SVG map draws a point inside a seat. */
export async function svgSeatPixel(
  page: Page,
  set: BoundarySet,
  code: string,
): Promise<{ x: number; y: number }> {
  const [lng, lat] = interiorPoint(set, code);
  return mapLocator(page)
    .locator("svg")
    .first()
    .evaluate(
      (svg, [x, y]) => {
        const point = (svg as SVGSVGElement).createSVGPoint();
        point.x = x;
        point.y = y;
        const screen = point.matrixTransform((svg as SVGSVGElement).getScreenCTM() ?? undefined);
        return { x: screen.x, y: screen.y };
      },
      projectMercator(lng, lat),
    );
}

/** Where a seat's interior point is on screen on MapLibre's map, in the page's CSS px. */
export async function webglSeatPixel(
  page: Page,
  set: BoundarySet,
  code: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (point) => {
      const map = window.petitionAtlasMap;
      if (!map) throw new Error("window.petitionAtlasMap is missing");
      const { x, y } = map.project(point);
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    },
    interiorPoint(set, code),
  );
}

export interface Camera {
  bounds: Bounds;
  zoom: number;
}

export async function readCamera(page: Page): Promise<Camera> {
  return page.evaluate(() => {
    const map = window.petitionAtlasMap;
    if (!map) throw new Error("window.petitionAtlasMap is missing");
    const bounds = map.getBounds();
    return {
      bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] as Bounds,
      zoom: map.getZoom(),
    };
  });
}

export function boxContains(outer: Bounds, inner: Bounds, slack = 1e-6): boolean {
  return (
    outer[0] <= inner[0] + slack &&
    outer[1] <= inner[1] + slack &&
    outer[2] >= inner[2] - slack &&
    outer[3] >= inner[3] - slack
  );
}

export function seatLink(page: Page, name: string): Locator {
  return seatTable(page).getByRole("link", { name, exact: true });
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
