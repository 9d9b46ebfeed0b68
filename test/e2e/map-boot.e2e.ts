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
  "map boot: without touch MapLibre takes over by itself, on a phone-sized screen too",
  async ({ page, open }) => {
    await open("/");
    await waitForMapReady(page);
  },
  { context: { viewport: { width: phone.width, height: phone.height } } },
);
