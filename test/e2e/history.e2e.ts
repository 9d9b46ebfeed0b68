import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import type { HistoryBody } from "@/lib/api/types";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { test } from "./harness";
import { mapLocator, waitForMapReady } from "./support/atlas";
import { eventually } from "./support/eventually";
import { startApp, type RunningApp } from "./support/processes";

const ID = FIXTURE_IDS.open2024;
/** A 2024 seat (Aldershot) every snapshot of the rising stand-in changes. */
const SELECTED_SEAT = "E14001063";

/** The map's word on momentum it does not have (yet). */
function momentumStatus(page: Page) {
  return page
    .getByTestId("petition-map")
    .getByRole("status")
    .filter({ hasText: /momentum/i });
}

async function history(app: RunningApp, query = ""): Promise<HistoryBody> {
  const response = await fetch(`${app.url}/api/petitions/${ID}/history${query}`);
  assert.equal(response.status, 200, `history API: HTTP ${response.status}`);
  return (await response.json()) as HistoryBody;
}

test(
  "history: the poller records a rising petition, the timeline and momentum map draw it, a restart keeps it",
  async ({ page, standIn }) => {
    // Its own app: a history folder of its own, the in-process poller on a one-second beat, one-second freshness.
    const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-history-own-"));
    const env = {
      PETITIONS_API_BASE: standIn.url,
      PETITIONS_CACHE_FRESH_MS: "1000",
      HISTORY_DIR: dir,
      HISTORY_POLLER: "on",
      HISTORY_POLL_MS: "1000",
      HISTORY_TRACK: String(ID),
    };
    standIn.setMode({ mode: "rising" }, ID);
    let app: RunningApp | undefined = await startApp({ env });
    try {
      const recorded = await eventually(
        async () => {
          const answer = await history(app!);
          assert.ok(answer.points.length >= 2, `${answer.points.length} snapshots so far`);
          return answer;
        },
        { timeout: 20_000, what: "two snapshots from two fetch windows" },
      );
      const [first, second] = recorded.points;
      assert.ok(second!.total > first!.total, "the total rose between snapshots");

      // The page itself carries nothing read from the history: the browser fetches the totals and the momentum
      // once the map is shown.
      const html = await (await fetch(`${app.url}/petitions/${ID}?metric=momentum`)).text();
      assert.doesNotMatch(html, /Total signatures rose from/, "no recorded totals in the page");
      assert.match(html, /role="status"[^>]*>Loading momentum/, "the page says momentum is on its way");
      await page.goto(`${app.url}/petitions/${ID}?metric=momentum`);
      await waitForMapReady(page);
      const chart = page.getByTestId("history-panel").getByTestId("timeline-chart").first();
      await eventually(
        async () =>
          assert.ok(Number(await chart.getAttribute("data-points")) >= 2, "the timeline draws the snapshots"),
        { what: "the recorded totals fetched" },
      );
      assert.match((await chart.locator("title").textContent()) ?? "", /^Total signatures rose from/);
      const momentum = page.getByRole("link", { name: /^Momentum/ });
      await eventually(
        async () =>
          assert.equal(
            await momentum.getAttribute("aria-current"),
            "true",
            "momentum is the selected metric",
          ),
        { what: "the momentum fetched" },
      );

      // The map is coloured by momentum: every seat carries a positive value in MapLibre's feature state.
      const values = await eventually(
        async () => {
          const values = await page.evaluate(async () => {
            const map = window.petitionAtlasMap;
            if (!map) throw new Error("window.petitionAtlasMap is missing");
            const codes = map.querySourceFeatures("seats").map((feature) => String(feature.properties?.code));
            return [...new Set(codes)].map((code) =>
              Number(map.getFeatureState({ source: "seats", id: code }).value),
            );
          });
          assert.ok(values.length > 100, `${values.length} seats rendered`);
          assert.ok(
            values.every((value) => value > 0),
            "every rendered seat has momentum",
          );
          return values;
        },
        { what: "the map coloured by the fetched momentum" },
      );
      assert.ok(new Set(values.map((value) => value.toFixed(3))).size > 5, "momentum differs between seats");
      assert.equal(
        await momentumStatus(page).count(),
        0,
        "no momentum status once the map is coloured by it",
      );
      const legend = await page.getByRole("figure").filter({ hasText: "Momentum" }).first().innerText();
      assert.match(legend, /\(\d+ seats\)/, "the legend classes seats by momentum");
      await mapLocator(page).screenshot({ path: path.join("test-results", "history-momentum-map.png") });

      // Play, with a seat selected: the slider steps the atlas through the snapshots, then returns to now.
      await page.goto(`${app.url}/petitions/${ID}?metric=momentum&area=${SELECTED_SEAT}`);
      await waitForMapReady(page);
      const announcer = page.getByTestId("selection-announcer");
      const announced = await announcer.textContent();
      assert.match(announced ?? "", /^Selected .+: [\d,]+ signatures, \d+(st|nd|rd|th) of 650\.$/);
      await page.getByRole("button", { name: "Play" }).click();
      const slider = page.getByTestId("time-slider");
      await eventually(async () => assert.notEqual(await slider.getAttribute("data-frame"), "now"), {
        what: "a past snapshot shown",
      });
      // Each seat had fewer signatures then, but neither the selection nor each frame is read out again.
      assert.equal(await announcer.textContent(), announced, "the selection is not announced again");
      assert.equal(
        await slider.locator("p[aria-live]").getAttribute("aria-live"),
        "off",
        "frames are not read out",
      );
      await eventually(async () => assert.equal(await slider.getAttribute("data-frame"), "now"), {
        timeout: 60_000,
        what: "playback back at now",
      });

      const before = await history(app, "?to=" + encodeURIComponent(second!.at));
      await app.close();
      app = await startApp({ env: { ...env, HISTORY_POLLER: "off" } });
      const after = await history(app, "?to=" + encodeURIComponent(second!.at));
      assert.deepEqual(after.points, before.points, "the history survives a restart");
    } finally {
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  { appOriginOnly: false },
);

test(
  "history: a momentum link says momentum is loading, that it failed while the fetch fails, and that there is none",
  async ({ page, open }) => {
    // The browser's fetch of the live table fails, as on a dropped connection; the page itself is served.
    const liveTable = `**/api/petitions/${ID}`;
    await page.route(liveTable, (route) => route.abort());
    await open(`/petitions/${ID}?metric=momentum`);
    await waitForMapReady(page);
    await momentumStatus(page).filter({ hasText: "Momentum could not be loaded just now" }).waitFor();
    await page.unroute(liveTable);
    // The shared app records no history: once the table answers, the map says there is no momentum to show.
    await momentumStatus(page)
      .filter({ hasText: "This petition has no recent signature history" })
      .waitFor({ timeout: 30_000 });
  },
  { failOnConsoleErrors: false },
);

test("history: the embedded seed shows its dated milestones and says it has no history", async ({
  page,
  open,
}) => {
  await open("/");
  const panel = page.getByTestId("history-panel");
  await panel.waitFor();
  assert.match(await panel.innerText(), /We have no record of this petition's signatures over time/);
  assert.equal(await panel.getByTestId("timeline-chart").getAttribute("data-points"), "0");
  assert.ok((await panel.locator("ol li").count()) >= 3, "the seed's dated milestones are listed");
  assert.equal(await page.getByRole("link", { name: /^Momentum/ }).count(), 0, "no momentum without history");
});
