/**
 * Click → panel: how long a click on a seat takes to show that seat in the seat panel, on the server-rendered SVG
 * (before MapLibre takes over) and on the WebGL map (after), in a tab that was open and idle before the page
 * loaded. DOM = from the click event to the mutation that puts the seat's name in the panel; painted = from the
 * click to the first frame painted after that (requestAnimationFrame, then the next task).
 */
import type { Browser, Page } from "playwright-core";
import { seededRandom } from "@/lib/seeded-random";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { markdownTable, ms, spread } from "./report";
import type { BenchEnv, BenchSection } from "./section";

export interface ClickTiming {
  dom: number;
  painted: number;
}

/** The two renderers a reader can click, and how a page is held on each. */
export type Renderer = "svg" | "webgl";

const OPEN_TAB_IDLE_MS = 1_000;
const MAP_TIMEOUT_MS = 60_000;
/** Waiting between clicks lets the camera's move to the last seat (600 ms) finish, as a reader would. */
const BETWEEN_CLICKS_MS = 1_200;
const FILL_LAYER = "seats-fill";
/** Seat geometry for MapLibre: held back on the SVG runs, so MapLibre cannot take over while they click. */
const MAPLIBRE_GEOMETRY = /\/geo\/[^/]+\.(topo\.json|pmtiles)(\?|$)/;

/**
 * Installed in the page before each click (a string, so the TypeScript loader's helpers stay out of the page):
 * resolves with the two times once the panel's heading names the seat, or null after 10 s.
 */
const WATCH_SCRIPT = `(name) => new Promise((resolve) => {
  let clickAt = null;
  let domAt = null;
  const heading = () => document.querySelector('[data-testid="area-panel"] h2')?.textContent?.trim();
  const check = () => {
    if (clickAt === null || domAt !== null || heading() !== name) return;
    domAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ dom: domAt - clickAt, painted: performance.now() - clickAt });
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  window.addEventListener("click", (event) => { clickAt = event.timeStamp; check(); }, { capture: true, once: true });
  setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
})`;

interface Target {
  x: number;
  y: number;
  code: string;
  name: string;
}

/**
 * A seat under a random point of the map, other than the selected one: the SVG's seat link there, or MapLibre's
 * rendered feature there. Its name comes from the SVG's seat links, which stay in the page under MapLibre.
 */
async function pickTarget(page: Page, renderer: Renderer, random: () => number): Promise<Target> {
  const map = page.getByTestId("petition-map");
  const box = await map.boundingBox();
  if (!box) throw new Error("The map has no box");
  // On a busy machine the camera's move to the last seat can outlast the pause: a point picked mid-move would
  // land on another seat by the time it is clicked.
  if (renderer === "webgl")
    await page.waitForFunction(
      () =>
        (window as { petitionAtlasMap?: import("maplibre-gl").Map }).petitionAtlasMap?.isMoving() === false,
      undefined,
      { timeout: MAP_TIMEOUT_MS },
    );
  for (let attempt = 0; attempt < 200; attempt++) {
    // The middle of the map: clear of the controls and the panel at its edges.
    // Whole pixels: the browser hands the click's position to the page in whole pixels.
    const x = Math.round(box.x + box.width * (0.25 + 0.5 * random()));
    const y = Math.round(box.y + box.height * (0.2 + 0.6 * random()));
    const found = await page.evaluate(
      ([x, y, renderer, left, top, layer]) => {
        const selected = document
          .querySelector('[data-testid="petition-map"]')
          ?.getAttribute("data-selected");
        let code: string | null = null;
        if (renderer === "svg") {
          code = document.elementFromPoint(x, y)?.closest("a[data-code]")?.getAttribute("data-code") ?? null;
        } else {
          const mapLibre = (window as { petitionAtlasMap?: import("maplibre-gl").Map }).petitionAtlasMap;
          // The same seat 2 px around the point too: a point on a boundary may land on either side.
          const codes = [
            [0, 0],
            [-2, 0],
            [2, 0],
            [0, -2],
            [0, 2],
          ].map(([dx = 0, dy = 0]) => {
            const point: [number, number] = [x - left + dx, y - top + dy];
            const property = mapLibre?.queryRenderedFeatures(point, { layers: [layer] })[0]?.properties?.code;
            return typeof property === "string" ? property : null;
          });
          code = codes.every((other) => other === codes[0]) ? (codes[0] ?? null) : null;
          // The canvas must be what is under the point, not a panel or control over it.
          if (document.elementFromPoint(x, y)?.tagName !== "CANVAS") code = null;
        }
        if (!code || code === selected) return null;
        const name = document.querySelector(`a[data-code="${code}"]`)?.getAttribute("aria-label");
        return name ? { code, name } : null;
      },
      [x, y, renderer, box.x, box.y, FILL_LAYER] as const,
    );
    if (found) return { x, y, ...found };
  }
  throw new Error(`No seat to click on the ${renderer} map`);
}

/** One click on a seat, timed in the page. */
async function timeClick(page: Page, target: Target): Promise<ClickTiming> {
  await page.evaluate(`window.__clickToPanel = (${WATCH_SCRIPT})(${JSON.stringify(target.name)}); undefined`);
  await page.mouse.click(target.x, target.y);
  const timing = await page.evaluate(
    () => (window as { __clickToPanel?: Promise<ClickTiming | null> }).__clickToPanel,
  );
  if (!timing) throw new Error(`The panel never showed ${target.name} (${target.code})`);
  return timing;
}

/**
 * Loads `url` in an open tab and clicks `clicks` seats on one renderer. For the SVG, MapLibre's geometry is held
 * back until the clicks are done, and the clicking starts once the page has asked for it (so it has hydrated).
 */
export async function measureClicks(
  browser: Browser,
  url: string,
  renderer: Renderer,
  clicks: number,
  seed: number,
): Promise<ClickTiming[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const release: (() => void)[] = [];
  try {
    const page = await context.newPage();
    let geometryAsked: () => void = () => undefined;
    const hydrated = new Promise<void>((resolve) => (geometryAsked = resolve));
    if (renderer === "svg") {
      await page.route(MAPLIBRE_GEOMETRY, (route) => {
        geometryAsked();
        release.push(() => void route.continue().catch(() => undefined));
      });
    }
    await page.waitForTimeout(OPEN_TAB_IDLE_MS);
    await page.goto(url);
    await page
      .locator(`[data-testid="petition-map"][data-renderer="${renderer}"][data-state="ready"]`)
      .waitFor({ timeout: MAP_TIMEOUT_MS });
    if (renderer === "svg") await hydrated;
    await page.waitForTimeout(BETWEEN_CLICKS_MS);
    const random = seededRandom(seed);
    const timings: ClickTiming[] = [];
    for (let click = 0; click < clicks; click++) {
      timings.push(await timeClick(page, await pickTarget(page, renderer, random)));
      await page.waitForTimeout(BETWEEN_CLICKS_MS);
    }
    const onRenderer = await page.getByTestId("petition-map").getAttribute("data-renderer");
    if (onRenderer !== renderer) throw new Error(`The clicks ended on ${onRenderer}, not ${renderer}`);
    return timings;
  } finally {
    for (const continueRequest of release) continueRequest();
    await context.close();
  }
}

const RUNS = Math.max(15, Number(process.env.BENCH_CLICKS) || 20);
/** Clicks per page load: several loads, so one slow page does not make the figures. */
const CLICKS_PER_LOAD = 5;

export function selectionMarkdown(
  results: { page: string; renderer: Renderer; timings: ClickTiming[] }[],
): string {
  const table = markdownTable(
    ["Page", "Renderer", "Clicks", "DOM (median)", "p90", "Painted (median)", "p90"],
    results.map(({ page, renderer, timings }) => {
      const dom = spread(timings.map((timing) => timing.dom));
      const painted = spread(timings.map((timing) => timing.painted));
      return [
        page,
        renderer === "svg" ? "SVG (before MapLibre)" : "WebGL (MapLibre)",
        timings.length,
        ms(dom?.median),
        ms(dom?.p90),
        ms(painted?.median),
        ms(painted?.p90),
      ];
    }),
  );
  return [
    `Clicks on seats in headless Chromium (SwiftShader WebGL, 1280×900), in a tab that was open and idle for ${OPEN_TAB_IDLE_MS} ms before the page loaded, ${CLICKS_PER_LOAD} clicks per page load on seats under seeded random points of the map (never the selected seat), ${BETWEEN_CLICKS_MS} ms apart so the camera's move to the last seat has ended. **SVG**: the server-rendered map, clicked after the page has hydrated with MapLibre's geometry held back; **WebGL**: after MapLibre has taken over. **DOM** is from the click event to the mutation that puts the seat's name in the seat panel (\`[data-testid="area-panel"]\`); **painted** is from the click to the first frame painted after that (\`requestAnimationFrame\`, then the next task). Median and p90 of the clicks.`,
    table,
  ].join("\n\n");
}

export const selectionSection: BenchSection = {
  heading: "Click to panel",
  async run(env: BenchEnv) {
    const browser = await env.browser();
    const pages = [
      { label: "Seed `/`", path: "/" },
      {
        label: `Stand-in \`/petitions/${FIXTURE_IDS.open2024}\``,
        path: `/petitions/${FIXTURE_IDS.open2024}`,
      },
    ];
    const results = pages.flatMap(({ label, path }) =>
      (["svg", "webgl"] as const).map((renderer) => ({
        page: label,
        path,
        renderer,
        timings: [] as ClickTiming[],
      })),
    );
    const loads = Math.ceil(RUNS / CLICKS_PER_LOAD);
    console.log(`Click to panel: ${loads} loads × ${CLICKS_PER_LOAD} clicks per page and renderer, in turn`);
    // Loads of each page and renderer in turn, so a machine that gets busier does not favour one of them.
    for (let load = 0; load < loads; load++) {
      for (const [index, result] of results.entries()) {
        const url = new URL(result.path, env.appUrl).href;
        result.timings.push(
          ...(await measureClicks(browser, url, result.renderer, CLICKS_PER_LOAD, 1 + load * 16 + index)),
        );
      }
    }
    return selectionMarkdown(results);
  },
};
