import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { test } from "./harness";
import {
  expectPanel,
  expectSelected,
  panToStartMapLibre,
  waitForMap,
  waitForMapReady,
} from "./support/atlas";
import { seatOnScreen, shownView, viewShiftPx } from "./support/camera";
import { eventually } from "./support/eventually";
import { expectedSeat } from "./support/seed";
import { contextFor, isTouch, LAYOUT_VIEWPORTS } from "./support/viewports";

const SALFORD = "E14000911";
/** Ross, Skye and Lochaber: large enough to tap at the whole-UK zoom on a phone. */
const HIGHLAND_SEAT = "S14000055";
/** MapLibre may start no more than this far from what the SVG showed (edges on screen). */
const HANDOVER_SLACK_PX = 2;

/** Waits until a point inside the seat is on screen in the renderer shown, with nothing over it (sheet, search). */
async function expectSeatInView(page: Page, code: string, where: string): Promise<void> {
  await eventually(
    async () => {
      const seat = await seatOnScreen(page, "2010", code);
      assert.ok(
        seat.uncovered,
        `${where}: ${code} on ${seat.renderer} at ${Math.round(seat.x)},${Math.round(seat.y)} shows ${seat.what}`,
      );
    },
    { timeout: 5_000, what: `${code} in view (${where})` },
  );
}

for (const viewport of LAYOUT_VIEWPORTS) {
  const { name, width, height } = viewport;
  for (const [label, url] of [
    ["the whole UK", "/"],
    ["a seat from ?area=", `/?area=${SALFORD}`],
  ] as const) {
    test(
      `camera ${width}×${height}: the SVG frames ${label} for this screen and MapLibre takes over without moving it`,
      async ({ page, open, screenshot }) => {
        await open(url);
        await waitForMap(page, "svg");
        const svg = await shownView(page);
        assert.equal(svg.renderer, "svg");
        if (url !== "/") {
          await expectSeatInView(page, SALFORD, "SVG");
          await screenshot(`layout-${name}-${width}x${height}-area`);
        }

        await (isTouch(viewport) ? panToStartMapLibre(page) : waitForMapReady(page));
        const webgl = await shownView(page);
        const shift = viewShiftPx(svg, webgl);
        assert.ok(
          shift <= HANDOVER_SLACK_PX,
          `MapLibre opened ${shift.toFixed(1)} px from the SVG's view: ${svg.bounds.join(",")} vs ${webgl.bounds.join(",")}`,
        );
        if (url !== "/") {
          await expectPanel(page, expectedSeat(SALFORD));
          await expectSeatInView(page, SALFORD, "WebGL");
        }
        console.log(`  ${width}×${height} ${label}: handover moved the map ${shift.toFixed(2)} px`);
      },
      { context: contextFor(viewport) },
    );
  }
}

const phone = LAYOUT_VIEWPORTS[3];

test(
  "camera 390×844: a seat chosen in the search or tapped on the map is kept in view above the sheet, half open or collapsed",
  async ({ page, open }) => {
    await open("/");
    await waitForMap(page, "svg");
    const sheet = page.getByRole("region", { name: "Seat, colours and focus" });
    const search = page.getByRole("combobox", { name: "Find your constituency" });
    await search.fill("salford and eccles");
    await search.press("Enter");
    await expectSelected(page, SALFORD);
    assert.equal(await sheet.getAttribute("data-state"), "half");
    await expectSeatInView(page, SALFORD, "chosen in the search, sheet half open");

    await sheet.getByRole("button", { name: /^Seat details and map options/ }).press("ArrowDown");
    assert.equal(await sheet.getAttribute("data-state"), "peek");
    await expectSeatInView(page, SALFORD, "sheet collapsed");

    // Back to the whole UK, then a tap on a seat where the map draws it.
    await page.keyboard.press("Escape");
    await expectSelected(page, null);
    await eventually(
      async () => {
        const seat = await seatOnScreen(page, "2010", HIGHLAND_SEAT);
        assert.ok(seat.uncovered, `the Highland seat can be tapped: ${seat.what}`);
        await page.touchscreen.tap(seat.x, seat.y);
        await expectSelected(page, HIGHLAND_SEAT);
      },
      { timeout: 10_000, what: "a tap on the Highland seat" },
    );
    await expectSeatInView(page, HIGHLAND_SEAT, "tapped, sheet half open");
  },
  { context: contextFor(phone) },
);
