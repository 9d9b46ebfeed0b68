import assert from "node:assert/strict";
import { chromium, type Page } from "playwright-core";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { test } from "./harness";
import { expectAccessible } from "./support/axe";
import { chromiumPath } from "./support/browser";
import {
  expectNoPanel,
  expectSelected,
  panToStartMapLibre,
  seatTable,
  SEAT_PATHS_FILE,
  waitForHydrated,
  waitForMap,
  waitForMapReady,
} from "./support/atlas";
import { contextFor, isTouch, LAYOUT_VIEWPORTS } from "./support/viewports";

for (const [label, url, viewport] of [
  [
    "a petition with a seat selected",
    "/petitions/575833?area=E14000911&metric=rate",
    { width: 1280, height: 900 },
  ],
  ["the hex view", "/?view=hex&area=W07000041", { width: 1280, height: 900 }],
] as const) {
  test(
    `a11y: axe finds no serious or critical issues on ${label}`,
    async ({ page, open }) => {
      await open(url);
      await waitForMapReady(page);
      await expectAccessible(page, label);
    },
    { context: { viewport } },
  );
}

for (const viewport of LAYOUT_VIEWPORTS) {
  test(
    `a11y: axe finds no serious or critical issues at ${viewport.width}×${viewport.height}, with and without a seat selected`,
    async ({ page, open }) => {
      for (const url of ["/", "/?area=E14000911"]) {
        await open(url);
        if (isTouch(viewport)) {
          // A phone's map stays the server's SVG until the reader pans or zooms it: checked as it is, then on WebGL.
          await waitForMap(page, "svg");
          await expectAccessible(page, `${url} at ${viewport.width}×${viewport.height} on the SVG`);
          await panToStartMapLibre(page);
        } else await waitForMapReady(page);
        await expectAccessible(page, `${url} at ${viewport.width}×${viewport.height}`);
      }
    },
    { context: contextFor(viewport) },
  );
}

test("a11y: every seat can be selected with the keyboard from the table", async ({ page, open }) => {
  await open("/");
  const link = seatTable(page).getByRole("link", { name: "Salford and Eccles" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expectSelected(page, "E14000911");
  await page
    .getByText("Selected Salford and Eccles: 814 signatures, 1st of 650.")
    .waitFor({ state: "attached" });
  // Before hydration Enter follows the link (a full load); Esc needs the page to be interactive.
  await waitForMapReady(page);
  await page.keyboard.press("Escape");
  await expectNoPanel(page);
  assert.equal(await page.getByTestId("petition-map").getAttribute("data-selected"), "");
});

for (const [set, url, scotland] of [
  ["2010", "/", 59],
  ["2024", `/petitions/${FIXTURE_IDS.open2024}`, 57],
] as const) {
  test(`views: the ${set} hex view paints 650 hexes, and Scotland lists ${scotland} seats`, async ({
    page,
    open,
  }) => {
    await open(`${url}${url.includes("?") ? "&" : "?"}view=hex`);
    await waitForMapReady(page);
    const hexes = await page.evaluate(() => {
      const map = (window as unknown as { petitionAtlasMap: import("maplibre-gl").Map }).petitionAtlasMap;
      const features = map.querySourceFeatures("seats");
      return new Set(features.map((feature) => feature.properties.code)).size;
    });
    assert.equal(hexes, 650);
    await page.getByRole("combobox", { name: "Focus on" }).selectOption("scotland");
    await seatTable(page).getByText(`(${scotland} seats)`).waitFor();
    assert.match(page.url(), /region=scotland/);
  });
}

test(
  "views: phone landscape keeps map, search and legend usable",
  async ({ page, open, screenshot }) => {
    await open("/?area=E14000911");
    await panToStartMapLibre(page);
    await page.getByRole("combobox", { name: "Find your constituency" }).waitFor();
    await page.getByTestId("area-panel").waitFor();
    await screenshot("phone-landscape-844x390");
  },
  { context: { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true } },
);

/** Runs `body` with a page in a Chromium of its own that has no WebGL, closed afterwards. */
async function withoutWebGL(body: (page: Page) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-webgl", "--disable-3d-apis", "--disable-background-networking"],
  });
  try {
    await body(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
  } finally {
    await browser.close();
  }
}

test("views: without WebGL, a map whose seat shapes cannot load says so and is in error, not loading", async ({
  appUrl,
}) => {
  await withoutWebGL(async (page) => {
    // A map reached by client navigation fetches its seat shapes (the seat paths file); here that fetch fails.
    await page.route(SEAT_PATHS_FILE, (route) => route.abort());
    await page.goto(`${appUrl}/`);
    await waitForMap(page, "svg");
    // A click before the page has hydrated loads the next page whole, whose map is in its HTML.
    await waitForHydrated(page);
    const listed = page
      .getByRole("region", { name: /Popular open petitions/ })
      .getByRole("link")
      .first();
    const href = await listed.getAttribute("href");
    await listed.click();
    await page.waitForURL((url) => url.pathname === href);
    await page
      .getByRole("status")
      .filter({ hasText: "The static map's shapes could not load either" })
      .waitFor();
    await page.locator('[data-testid="petition-map"][data-state="error"]').waitFor();
    // The table of seats is still there to read.
    await seatTable(page).getByRole("row").nth(10).waitFor();
  });
});

test("views: without WebGL the SVG map stays, ready, says so, and it and the table still select seats", async ({
  appUrl,
}) => {
  await withoutWebGL(async (page) => {
    await page.goto(`${appUrl}/`);
    await page.getByRole("status").filter({ hasText: "The interactive map needs WebGL" }).waitFor();
    // The SVG is a whole map: it shows every seat's value, so the map is ready without WebGL.
    await waitForMap(page, "svg", 1_000);
    await page.getByTestId("petition-map").locator("svg a").nth(200).click();
    await page.getByTestId("area-panel").waitFor();
    await seatTable(page).getByRole("link", { name: "Salford and Eccles" }).click();
    await expectSelected(page, "E14000911");
  });
});
