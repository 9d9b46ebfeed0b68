import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { test } from "./harness";
import {
  boxContains,
  expectPanel,
  mapLocator,
  readCamera,
  SEAT_PATHS_FILE,
  svgSeatPixel,
  waitForMap,
  waitForMapReady,
} from "./support/atlas";
import { shownView } from "./support/camera";
import { seatBox } from "./support/seats";
import { expectedSeat, SEED_SEAT_COUNT } from "./support/seed";
import type { Bounds } from "@/lib/geo/seats-topology";

const SALFORD = "E14000911";
/** Ross, Skye and Lochaber: large enough to click at the whole-UK zoom. */
const HIGHLAND_SEAT = "S14000055";

/** The page's own scripts arrive empty: what the server sent (and its one inline script) must do the work. */
async function withoutPageScripts(page: Page) {
  await page.route("**/_next/static/**/*.js", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
  );
}

test("first paint: before any page script runs, the server's SVG map is ready with every seat coloured", async ({
  page,
  appUrl,
}) => {
  await withoutPageScripts(page);
  await page.goto(`${appUrl}/`);
  await waitForMap(page, "svg");
  const fills = await mapLocator(page)
    .locator("svg [data-seats] > a[data-code]")
    .evaluateAll((seats) => seats.map((seat) => seat.getAttribute("fill") ?? ""));
  assert.equal(fills.length, SEED_SEAT_COUNT, "one shape per seat");
  assert.ok(
    fills.every((fill) => /^#[0-9a-f]{6}$/i.test(fill)),
    "every seat has a colour",
  );
  assert.ok(new Set(fills).size >= 5, `a choropleth has several classes, got ${new Set(fills).size}`);
  // The seat shapes are drawn: a seat has a size on screen.
  const width = await mapLocator(page)
    .locator(`svg [data-seats] > a[data-code="${SALFORD}"]`)
    .evaluate((shape) => (shape as SVGGraphicsElement).getBBox().width);
  assert.ok(width > 0, "Salford's shape is drawn");
});

test("first paint: ?area= frames the seat in the server's SVG, as MapLibre then does", async ({
  page,
  appUrl,
}) => {
  await withoutPageScripts(page);
  await page.goto(`${appUrl}/?area=${SALFORD}`);
  await waitForMap(page, "svg");
  assert.equal(await mapLocator(page).getAttribute("data-selected"), SALFORD);
  const seat = seatBox("2010", SALFORD);
  const svgView = (await shownView(page)).bounds;
  assert.ok(
    boxContains(svgView, seat),
    `SVG view ${svgView.join(",")} should contain Salford ${seat.join(",")}`,
  );
  assert.ok(
    svgView[2] - svgView[0] < 3,
    `the SVG is zoomed in: ${(svgView[2] - svgView[0]).toFixed(2)}° wide`,
  );

  // With scripts, MapLibre takes over with the same framing (the viewport gives the nominal map size).
  await page.unrouteAll();
  await page.goto(`${appUrl}/?area=${SALFORD}`);
  await waitForMapReady(page);
  assert.equal(await mapLocator(page).locator("svg").first().isVisible(), false, "the SVG has handed over");
  const camera = await readCamera(page);
  const centre = (box: Bounds) => [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] as const;
  const [svgX, svgY] = centre(svgView);
  const [glX, glY] = centre(camera.bounds);
  const span = svgView[2] - svgView[0];
  assert.ok(
    Math.abs(svgX - glX) < span * 0.05 && Math.abs(svgY - glY) < span * 0.05,
    `same centre: SVG ${svgX.toFixed(4)},${svgY.toFixed(4)} vs MapLibre ${glX.toFixed(4)},${glY.toFixed(4)}`,
  );
  const glSpan = camera.bounds[2] - camera.bounds[0];
  assert.ok(
    Math.abs(glSpan / span - 1) < 0.25,
    `same zoom: widths ${span.toFixed(3)}° vs ${glSpan.toFixed(3)}°`,
  );
});

test("first paint: the page's scripts are added only once its first frame is on screen, then run the map", async ({
  page,
  appUrl,
}) => {
  // When each of Next's chunk scripts enters the document, against the browser's own first contentful paint.
  await page.addInitScript(() => {
    const added: number[] = [];
    Object.assign(window, { chunksAddedAt: added });
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLScriptElement && node.src.includes("/_next/static/") && !node.noModule)
            added.push(performance.now());
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${appUrl}/`);
  await waitForMapReady(page);
  const { added, paint } = await page.evaluate(() => ({
    added: (window as unknown as { chunksAddedAt: number[] }).chunksAddedAt,
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  }));
  assert.ok(paint !== null, "the browser reported a first contentful paint");
  assert.ok(added.length >= 2, `Next's chunks were added (${added.length})`);
  assert.ok(
    added.every((time) => time >= paint),
    `every chunk was added after the first contentful paint at ${paint.toFixed(0)} ms: ${added.map((t) => t.toFixed(0)).join(", ")}`,
  );
});

test("first paint: without scripts, clicking a seat on the SVG map opens it", async ({ page, appUrl }) => {
  await withoutPageScripts(page);
  await page.goto(`${appUrl}/`);
  await waitForMap(page, "svg");
  const pixel = await svgSeatPixel(page, "2010", HIGHLAND_SEAT);
  await page.mouse.click(pixel.x, pixel.y);
  await page.waitForURL((url) => url.searchParams.get("area") === HIGHLAND_SEAT);
  assert.equal(await mapLocator(page).getAttribute("data-selected"), HIGHLAND_SEAT);
  await expectPanel(page, expectedSeat(HIGHLAND_SEAT));
});

test("first paint: the loaded page's map arrives drawn in its HTML; one reached by client navigation is drawn from the seat paths file", async ({
  page,
  open,
}) => {
  const seatPathsRequests: string[] = [];
  page.on("request", (request) => {
    if (SEAT_PATHS_FILE.test(new URL(request.url()).pathname)) seatPathsRequests.push(request.url());
  });
  await open("/");
  await waitForMapReady(page);
  const seedMap = mapLocator(page);
  assert.equal(await seedMap.locator("svg [data-seats] > a > path[d]").count(), SEED_SEAT_COUNT);
  assert.deepEqual(seatPathsRequests, [], "the seed's seats came in the HTML");

  // Every state the next map passes through, from its first attribute change on.
  await page.evaluate(() => {
    const old = document.querySelector('[data-testid="petition-map"]');
    const seen: string[] = [];
    Object.assign(window, { mapStates: seen });
    new MutationObserver((mutations) => {
      for (const { target } of mutations) {
        if (
          !(target instanceof Element) ||
          target === old ||
          target.getAttribute("data-testid") !== "petition-map"
        )
          continue;
        seen.push(`${target.getAttribute("data-state")}/${target.getAttribute("data-renderer")}`);
      }
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ["data-state", "data-renderer"],
    });
  });
  const listed = page
    .getByRole("region", { name: /Popular open petitions/ })
    .getByRole("link")
    .first();
  const href = await listed.getAttribute("href");
  assert.match(href ?? "", /^\/petitions\/\d+$/);
  await listed.click();
  await page.waitForURL((url) => url.pathname === href);
  await waitForMapReady(page);
  assert.equal(seatPathsRequests.length, 1, `one seat paths file fetched: ${seatPathsRequests.join(", ")}`);
  assert.match(seatPathsRequests[0] ?? "", /\/geo\/pcon-2024\.[0-9a-f]+\.svg$/);
  assert.equal(await mapLocator(page).locator("svg [data-seats] > a > path[d]").count(), 650);
  const states = (await page.evaluate(() => (window as unknown as { mapStates: string[] }).mapStates)).join(
    " → ",
  );
  assert.match(states, /ready\/svg.*ready\/webgl/, `the new map is drawn by the SVG first: ${states}`);
});
