import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { test } from "./harness";
import {
  expectPanel,
  expectSelected,
  panToStartMapLibre,
  waitForHydrated,
  waitForMap,
  waitForMapReady,
} from "./support/atlas";
import { seatAt, seatCentreOnScreen, shownView, viewShiftPx } from "./support/camera";
import { eventually } from "./support/eventually";
import { expectedSeat } from "./support/seed";
import { contextFor, isTouch, LAYOUT_VIEWPORTS } from "./support/viewports";

const SALFORD = "E14000911";
/** MapLibre may start no more than this far from what the SVG showed (edges on screen). */
const HANDOVER_SLACK_PX = 2;
const SHARED_CAMERA = { lat: 52.48, lng: -1.9 };

/**
 * Waits until the map on screen (the renderer named, when named) has settled with the seat framed, then checks the
 * centre of the seat's box is on screen with nothing over it (the sheet, the search).
 */
async function expectSeatInView(page: Page, code: string, where: string, renderer?: string): Promise<void> {
  await eventually(
    async () => {
      const before = await shownView(page);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const view = await shownView(page);
      if (renderer) assert.equal(view.renderer, renderer, "the renderer on screen");
      assert.ok(viewShiftPx(before, view) < 0.5, "the camera has settled");
      const [west, , east] = view.bounds;
      assert.ok(east - west < 3, `the seat is framed: ${(east - west).toFixed(1)}° wide`);
      const seat = await seatCentreOnScreen(page, "2010", code);
      assert.ok(
        seat.uncovered,
        `${where}: ${code}'s centre on ${seat.renderer} at ${Math.round(seat.x)},${Math.round(seat.y)} is under ${seat.what}`,
      );
    },
    { timeout: 10_000, what: `${code} in view (${where})` },
  );
}

for (const viewport of LAYOUT_VIEWPORTS) {
  const { name, width, height } = viewport;
  for (const [label, url] of [
    ["the whole UK", "/"],
    ["a seat from ?area=", `/?area=${SALFORD}`],
    ["a region from ?region=", "/?region=scotland"],
    ["a shared camera from ?at=", `/?at=${SHARED_CAMERA.lat},${SHARED_CAMERA.lng},7.5`],
  ] as const) {
    test(
      `camera ${width}×${height}: the SVG frames ${label} for this screen and MapLibre takes over without moving it`,
      async ({ page, open, screenshot }) => {
        await open(url);
        await waitForMap(page, "svg");
        // The page is the same for every shared camera (render cache): the browser frames it once it has hydrated.
        if (url.includes("at=")) {
          await eventually(
            async () => {
              const [west, south, east, north] = (await shownView(page)).bounds;
              const centre = [(west + east) / 2, (south + north) / 2];
              assert.ok(
                Math.abs((centre[0] ?? 0) - SHARED_CAMERA.lng) < 0.05 &&
                  Math.abs((centre[1] ?? 0) - SHARED_CAMERA.lat) < 0.05,
                `the SVG is centred on the shared camera: ${centre.join(",")}`,
              );
            },
            { what: "the SVG framing the shared camera" },
          );
        }
        const svg = await shownView(page);
        assert.equal(svg.renderer, "svg");
        if (url.includes("area=")) {
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
        if (url.includes("area=")) {
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
/** St Ives, in the far south west: under a half-open sheet unless the camera moves to it. */
const ST_IVES = "E14000964";

for (const renderer of ["svg", "webgl"] as const) {
  test(
    `camera 390×844 on ${renderer}: a seat chosen in the search or tapped stays in view above the sheet, however the sheet is opened`,
    async ({ page, open }) => {
      // A phone's map is the SVG until the reader's first pan or zoom starts MapLibre.
      await open("/");
      await waitForMap(page, "svg");
      await waitForHydrated(page);
      if (renderer === "webgl") await panToStartMapLibre(page);
      const sheet = page.getByRole("region", { name: "Seat, colours and focus" });
      const handle = sheet.getByRole("button", { name: /^Seat details and map options/ });
      const search = page.getByRole("combobox", { name: "Find your constituency" });
      const choose = async (query: string, code: string) => {
        await search.fill(query);
        await search.press("Enter");
        await expectSelected(page, code);
      };
      const expectSheet = async (state: string) =>
        assert.equal(await sheet.getAttribute("data-state"), state);
      const inView = (code: string, where: string) =>
        expectSeatInView(page, code, `${renderer}, ${where}`, renderer);

      await choose("st ives", ST_IVES);
      await expectSheet("half");
      await inView(ST_IVES, "chosen in the search, the sheet half open");
      await handle.press("ArrowDown");
      await expectSheet("peek");
      await inView(ST_IVES, "the sheet collapsed");

      // Chosen with the sheet collapsed, it is framed in the whole map; opening the sheet brings it back above it.
      await choose("salford and eccles", SALFORD);
      await expectSheet("peek");
      await inView(SALFORD, "chosen with the sheet collapsed");
      await handle.press("ArrowUp");
      await expectSheet("half");
      await inView(SALFORD, "the sheet opened by hand");

      // A tap on a seat near the top of the map (north of Salford, at the seat zoom) frames that seat.
      const map = await page.getByTestId("petition-map").boundingBox();
      assert.ok(map, "the map has a box");
      const [x, y] = [map.x + map.width * 0.75, map.y + 90];
      const tapped = await seatAt(page, x, y);
      assert.ok(tapped && tapped !== SALFORD, `a seat other than Salford at ${x},${y}: ${tapped}`);
      await page.touchscreen.tap(x, y);
      await expectSelected(page, tapped);
      await inView(tapped, "tapped near the top of the map");
    },
    { context: contextFor(phone) },
  );
}
