import assert from "node:assert/strict";
import { test } from "./harness";
import {
  expectPanel,
  expectSelected,
  MAPLIBRE_SHAPES_FILE,
  mapLocator,
  panToStartMapLibre,
  svgSeatPixel,
  waitForMap,
  waitForMapReady,
  webglSeatPixel,
} from "./support/atlas";
import { expectedSeat } from "./support/seed";
import { LAYOUT_VIEWPORTS } from "./support/viewports";

/** Ross, Skye and Lochaber: large enough to tap at the whole-UK zoom. */
const HIGHLAND_SEAT = "S14000055";
const phone = LAYOUT_VIEWPORTS[3];
/** Longer than a fine pointer's MapLibre takes to boot, and than its wait for a first paint that never comes. */
const QUIET_MS = 5_000;

test(
  "map boot: on a touch screen MapLibre stays off, the SVG answering taps, until the first pan on the map; then it takes over",
  async ({ page, open, requests }) => {
    await open("/");
    await waitForMap(page, "svg");
    const pixel = await svgSeatPixel(page, "2010", HIGHLAND_SEAT);
    await page.touchscreen.tap(pixel.x, pixel.y);
    await expectSelected(page, HIGHLAND_SEAT);
    await expectPanel(page, expectedSeat(HIGHLAND_SEAT));

    await page.waitForTimeout(QUIET_MS);
    assert.equal(await mapLocator(page).getAttribute("data-renderer"), "svg", "still the SVG");
    assert.equal(await mapLocator(page).getAttribute("data-state"), "ready");
    const shapes = requests.filter((url) => MAPLIBRE_SHAPES_FILE.test(new URL(url).pathname));
    assert.deepEqual(shapes, [], "MapLibre fetched no shapes before a gesture");

    await panToStartMapLibre(page);
    assert.equal(await mapLocator(page).getAttribute("data-selected"), HIGHLAND_SEAT, "the selection stays");
  },
  { context: { viewport: { width: phone.width, height: phone.height }, isMobile: true, hasTouch: true } },
);

test(
  "map boot: the pan that starts MapLibre on a touch screen moves the SVG and lands on MapLibre's camera",
  async ({ page, open }) => {
    await open("/");
    await waitForMap(page, "svg");
    const before = await svgSeatPixel(page, "2010", HIGHLAND_SEAT);
    const drag = await panToStartMapLibre(page, "across");
    const after = await webglSeatPixel(page, "2010", HIGHLAND_SEAT);
    // MapLibre opens where the finger left the SVG: the seat moved with the drag, not back to where it started.
    assert.ok(
      Math.abs(after.x - (before.x + drag.dx)) < 3 && Math.abs(after.y - (before.y + drag.dy)) < 3,
      `the seat moved by the drag (${drag.dx}, ${drag.dy}): from ${before.x},${before.y} to ${after.x},${after.y}`,
    );
  },
  { context: { viewport: { width: phone.width, height: phone.height }, isMobile: true, hasTouch: true } },
);

test(
  "map boot: the wheel that starts MapLibre on a touch screen zooms the SVG about the pointer and lands on MapLibre",
  async ({ page, open }) => {
    await open("/");
    await waitForMap(page, "svg");
    const box = await mapLocator(page).boundingBox();
    assert.ok(box, "the map has a box");
    const pointer = { x: box.x + box.width / 2, y: box.y + box.height * 0.4 };
    const before = await svgSeatPixel(page, "2010", HIGHLAND_SEAT);
    await page.mouse.move(pointer.x, pointer.y);
    // A wheel before the page has hydrated does nothing: turn it until MapLibre starts.
    for (let attempt = 1; ; attempt++) {
      const started = page.waitForRequest(MAPLIBRE_SHAPES_FILE, { timeout: 3_000 }).then(
        () => true,
        () => false,
      );
      await page.mouse.wheel(0, -100);
      if (await started) break;
      assert.ok(attempt < 10, "MapLibre did not start after 10 turns of the wheel");
    }
    await waitForMapReady(page);
    const after = await webglSeatPixel(page, "2010", HIGHLAND_SEAT);
    // Zoomed in about the pointer: the seat moved away from it along the same line.
    const [from, to] = [
      { x: before.x - pointer.x, y: before.y - pointer.y },
      { x: after.x - pointer.x, y: after.y - pointer.y },
    ];
    const factor = Math.hypot(to.x, to.y) / Math.hypot(from.x, from.y);
    const offLine = Math.abs(from.x * to.y - from.y * to.x) / Math.hypot(from.x, from.y);
    assert.ok(factor > 1.05, `zoomed in about the pointer (×${factor.toFixed(3)})`);
    assert.ok(offLine < 3, `the seat stayed on its line from the pointer (${offLine.toFixed(1)} px off)`);
  },
  { context: { viewport: { width: phone.width, height: phone.height }, isMobile: true, hasTouch: true } },
);

test(
  "map boot: without touch MapLibre takes over by itself, on a phone-sized screen too",
  async ({ page, open }) => {
    await open("/");
    await waitForMapReady(page);
  },
  { context: { viewport: { width: phone.width, height: phone.height } } },
);
