import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { getGeoManifest } from "@/lib/seats";
import { MAP_TIMEOUT_MS, test } from "./harness";
import { expectPanel, mapLocator, panToStartMapLibre, waitForMap, waitForMapReady } from "./support/atlas";
import { eventually } from "./support/eventually";
import { interiorPoint } from "./support/seats";
import { contextFor, isTouch, LAYOUT_VIEWPORTS } from "./support/viewports";
import { expectedSeat } from "./support/seed";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const contains = (outer: Box, inner: Box, slack = 1) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

async function mapBox(page: Page): Promise<Box> {
  const box = await mapLocator(page).boundingBox();
  assert.ok(box, "the map has a box");
  return box;
}

/** The UK's corners (every seat's bounds together) as MapLibre draws them, in page pixels. */
async function ukOnScreen(page: Page): Promise<Box> {
  const [west, south, east, north] = getGeoManifest("2010").bounds;
  const canvas = await mapLocator(page).locator("canvas").boundingBox();
  assert.ok(canvas, "the canvas has a box");
  const corners = await page.evaluate(
    (points) => {
      const map = window.petitionAtlasMap;
      if (!map) throw new Error("window.petitionAtlasMap is missing");
      return points.map((point) => {
        const { x, y } = map.project(point as [number, number]);
        return { x, y };
      });
    },
    [
      [west, north],
      [east, south],
    ],
  );
  const [topLeft = { x: 0, y: 0 }, bottomRight = { x: 0, y: 0 }] = corners;
  return {
    x: canvas.x + topLeft.x,
    y: canvas.y + topLeft.y,
    width: bottomRight.x - topLeft.x,
    height: bottomRight.y - topLeft.y,
  };
}

for (const viewport of LAYOUT_VIEWPORTS) {
  const { name, width, height } = viewport;
  test(
    `layout ${width}×${height}: the whole UK is in view at load, the map inside the screen and most of it`,
    async ({ page, open, screenshot }) => {
      await open("/");
      // The server's SVG, before MapLibre: every seat inside the map's box, nothing to scroll.
      await waitForMap(page, "svg");
      const map = await mapBox(page);
      const screen = { x: 0, y: 0, width, height };
      assert.ok(contains(screen, map), `map ${JSON.stringify(map)} inside the ${width}×${height} screen`);
      const coverage = (map.width * map.height) / (width * height);
      assert.ok(coverage >= 0.55, `the map covers ${(coverage * 100).toFixed(0)}% of the screen`);
      const seats = await mapLocator(page).locator("svg [data-seats]").boundingBox();
      assert.ok(seats && contains(map, seats), `SVG seats ${JSON.stringify(seats)} inside the map`);

      await (isTouch(viewport) ? panToStartMapLibre(page) : waitForMapReady(page));
      const uk = await ukOnScreen(page);
      assert.ok(
        contains(map, uk),
        `MapLibre's UK ${JSON.stringify(uk)} inside the map ${JSON.stringify(map)}`,
      );
      assert.equal(await page.evaluate(() => window.scrollY), 0, "nothing scrolled");
      console.log(
        `  ${width}×${height}: map ${Math.round(map.width)}×${Math.round(map.height)}, ${(coverage * 100).toFixed(0)}% of the screen`,
      );
      await screenshot(`layout-${name}-${width}x${height}`);
    },
    { context: contextFor(viewport) },
  );
}

const SALFORD = "E14000911";
const phone = LAYOUT_VIEWPORTS[3];

test(
  "layout 390×844: with ?area= the selected seat's centre is above the sheet, on the SVG and on WebGL",
  async ({ page, open }) => {
    await open(`/?area=${SALFORD}`);
    await waitForMap(page, "svg");
    const sheet = page.getByRole("region", { name: "Seat, colours and focus" });
    const seat = await mapLocator(page).locator(`svg [data-seats] > a[data-code="${SALFORD}"]`).boundingBox();
    const sheetTop = async () => (await sheet.boundingBox())?.y ?? 0;
    assert.ok(seat, "Salford is drawn");
    const svgCentre = seat.y + seat.height / 2;
    assert.ok(
      svgCentre < (await sheetTop()),
      `SVG: Salford at y=${svgCentre}, sheet from ${await sheetTop()}`,
    );

    await panToStartMapLibre(page);
    await expectPanel(page, expectedSeat(SALFORD));
    const [lng, lat] = interiorPoint("2010", SALFORD);
    const canvas = await mapLocator(page).locator("canvas").boundingBox();
    assert.ok(canvas, "the canvas has a box");
    const pixel = await page.evaluate(
      ([x, y]) => {
        const map = window.petitionAtlasMap;
        if (!map) throw new Error("window.petitionAtlasMap is missing");
        return map.project([x, y]);
      },
      [lng, lat] as const,
    );
    const glCentre = canvas.y + pixel.y;
    const top = await sheetTop();
    assert.ok(glCentre > canvas.y && glCentre < top, `WebGL: Salford at y=${glCentre}, sheet from ${top}`);
  },
  { context: contextFor(phone) },
);

test(
  "layout 390×844: the bottom sheet opens and closes from the keyboard",
  async ({ page, open }) => {
    await open("/");
    await waitForMap(page, "svg");
    const sheet = page.getByRole("region", { name: "Seat, colours and focus" });
    const handle = sheet.getByRole("button", { name: /^Seat details and map options/ });
    const state = () => sheet.getAttribute("data-state");
    const height = async () => (await sheet.boundingBox())?.height ?? 0;
    assert.equal(await state(), "peek");
    const peek = await height();
    await handle.focus();
    // The key does nothing until the page has hydrated (the phone's map stays the server's SVG meanwhile).
    await eventually(
      async () => {
        if ((await state()) === "peek") await page.keyboard.press("ArrowUp");
        assert.equal(await state(), "half");
      },
      { timeout: MAP_TIMEOUT_MS, what: "the sheet answering the keyboard" },
    );
    assert.equal(await handle.getAttribute("aria-expanded"), "true");
    await page.keyboard.press("ArrowUp");
    assert.equal(await state(), "full");
    // The sheet grows in a short transition.
    await eventually(
      async () => assert.ok((await height()) > peek * 4, "the full sheet is far taller than its peek"),
      {
        what: "the sheet open",
      },
    );
    // The legend is in the sheet: open, it can be read and used.
    await sheet.getByRole("navigation", { name: "Colour seats by" }).waitFor({ state: "visible" });
    await page.keyboard.press("ArrowDown");
    assert.equal(await state(), "half");
    await page.keyboard.press("Enter");
    assert.equal(await state(), "full");
    await page.keyboard.press("Enter");
    assert.equal(await state(), "peek");
    assert.equal(await handle.getAttribute("aria-expanded"), "false");
  },
  { context: contextFor(phone) },
);
