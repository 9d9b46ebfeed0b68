/**
 * Map load: cold navigations (fresh context, HTTP cache off) to a petition page in headless Chromium, timing the
 * map's data-state="ready" (the server-rendered SVG with every seat coloured), MapLibre's takeover, and counting the
 * bytes each kind of file costs. Each page is loaded in a new tab navigated at once and in a tab that has finished
 * starting up, because a starting tab competes with the page for the same two cores.
 */
import type { Browser } from "playwright-core";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { kib, markdownTable, ms, spread } from "./report";
import type { BenchEnv, BenchSection } from "./section";

export const BYTE_KINDS = ["HTML", "JS", "CSS", "Geometry", "Data", "Other"] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];

export interface LoadSample {
  /** ms after navigation start when the map said data-state="ready" (every seat coloured, whichever renderer). */
  ready: number;
  /** ms after navigation start when MapLibre had painted every seat and replaced the SVG. */
  webgl: number;
  firstContentfulPaint: number | null;
  bytes: Record<ByteKind, number>;
  requests: number;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Runs in the page before any of its scripts: a MutationObserver stamps the map's first data-state="ready" and the
 * first time it is ready on WebGL. A string, not a function, so the TypeScript loader's helpers do not leak into
 * the page.
 */
const MARKS_SCRIPT = `(() => {
  const marks = { ready: null, webgl: null, fcp: null };
  window.__mapLoad = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") marks.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  // The map is in the server's HTML as "loading"; only its attributes change, so watch attributes alone.
  new MutationObserver(() => {
    const map = document.querySelector('[data-testid="petition-map"]');
    if (!map || map.getAttribute("data-state") !== "ready") return;
    marks.ready ??= performance.now();
    if (map.getAttribute("data-renderer") === "webgl") marks.webgl ??= performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state", "data-renderer"] });
})();`;

interface PageMarks {
  ready: number | null;
  webgl: number | null;
  fcp: number | null;
}

/** Sorts a Resource Timing entry (or the navigation itself) into a kind of bytes. */
export function byteKind(url: string, initiatorType: string): ByteKind {
  const { pathname, search } = new URL(url);
  if (initiatorType === "navigation") return "HTML";
  if (pathname.startsWith("/geo/")) return "Geometry";
  if (/\.m?js$/.test(pathname)) return "JS";
  if (pathname.endsWith(".css")) return "CSS";
  if (
    initiatorType === "fetch" ||
    initiatorType === "xmlhttprequest" ||
    pathname.endsWith(".json") ||
    search.includes("_rsc")
  )
    return "Data";
  return "Other";
}

/** How the tab a page loads in came to be. */
export interface TabKind {
  label: string;
  /** Idle time between opening the tab and navigating it. */
  settleMs: number;
}

const NEW_TAB: TabKind = { label: "new tab", settleMs: 0 };
// A new headless tab keeps the GPU process and its renderer busy for several hundred ms, as a reader's already-open
// tab would not be. Measured: after 400–700 ms of idle, ready and first paint improve no further; 1 s is a margin.
const OPEN_TAB: TabKind = { label: "open tab", settleMs: 1_000 };
const TAB_KINDS = [NEW_TAB, OPEN_TAB] as const;

/**
 * One cold load of `url`: a fresh context (empty cache), HTTP cache disabled, navigated `tab.settleMs` after its
 * tab opened, until MapLibre has taken over.
 */
export async function measureLoad(browser: Browser, url: string, tab: TabKind): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.addInitScript({ content: MARKS_SCRIPT });
    if (tab.settleMs > 0) await page.waitForTimeout(tab.settleMs);
    await page.goto(url);
    await page.waitForFunction(
      () => (window as { __mapLoad?: PageMarks }).__mapLoad?.webgl != null,
      undefined,
      {
        timeout: READY_TIMEOUT_MS,
      },
    );
    const marks = await page.evaluate(() => (window as unknown as { __mapLoad: PageMarks }).__mapLoad);
    // Resource Timing sees every file the page fetched (the map's worker script too) with its encoded body size.
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map(
        (entry) => {
          const timing = entry as PerformanceResourceTiming;
          return { url: timing.name, initiatorType: timing.initiatorType, bytes: timing.encodedBodySize };
        },
      ),
    );
    const bytes = Object.fromEntries(BYTE_KINDS.map((kind) => [kind, 0])) as Record<ByteKind, number>;
    for (const entry of entries) bytes[byteKind(entry.url, entry.initiatorType)] += entry.bytes;
    return {
      ready: marks.ready ?? Number.NaN,
      webgl: marks.webgl ?? Number.NaN,
      firstContentfulPaint: marks.fcp,
      bytes,
      requests: entries.length,
    };
  } finally {
    await context.close();
  }
}

export interface PageResult {
  label: string;
  path: string;
  tab: TabKind;
  samples: LoadSample[];
}

/** Untimed loads that warm the server (caches, upstream fetch, JIT) before any page is timed. */
const WARM_UP_LOADS = 3;

/**
 * `runs` timed cold loads of each page in each kind of tab, taking them in turn so that none is favoured by a
 * server that has warmed up, or a machine that has got busier, since the first was timed.
 */
export async function measurePages(
  browser: Browser,
  appUrl: string,
  pages: readonly { label: string; path: string }[],
  runs: number,
): Promise<PageResult[]> {
  const results = pages.flatMap(({ label, path }) =>
    TAB_KINDS.map((tab) => ({ label, path, tab, samples: [] as LoadSample[] })),
  );
  for (const { path } of pages) {
    for (let load = 0; load < WARM_UP_LOADS; load++)
      await measureLoad(browser, new URL(path, appUrl).href, NEW_TAB);
  }
  for (let run = 0; run < runs; run++) {
    for (const result of results)
      result.samples.push(await measureLoad(browser, new URL(result.path, appUrl).href, result.tab));
  }
  return results;
}

export function mapLoadMarkdown(results: PageResult[], runs: number): string {
  const timing = markdownTable(
    [
      "Page",
      "Tab",
      "Runs",
      "Map ready (median)",
      "p90",
      "WebGL took over (median)",
      "p90",
      "First contentful paint (median)",
    ],
    results.map(({ label, tab, samples }) => {
      const ready = spread(samples.map((sample) => sample.ready));
      const webgl = spread(samples.map((sample) => sample.webgl));
      const fcp = spread(
        samples.flatMap((sample) =>
          sample.firstContentfulPaint === null ? [] : [sample.firstContentfulPaint],
        ),
      );
      return [
        label,
        tab.label,
        samples.length,
        ms(ready?.median),
        ms(ready?.p90),
        ms(webgl?.median),
        ms(webgl?.p90),
        ms(fcp?.median),
      ];
    }),
  );
  const bytes = markdownTable(
    ["Page", ...BYTE_KINDS, "Total", "Requests"],
    results
      .filter(({ tab }) => tab === NEW_TAB)
      .map(({ label, samples }) => {
        const first = samples[0];
        if (!first) return [label, ...BYTE_KINDS.map(() => "—"), "—", "—"];
        const total = BYTE_KINDS.reduce((sum, kind) => sum + first.bytes[kind], 0);
        return [label, ...BYTE_KINDS.map((kind) => kib(first.bytes[kind])), kib(total), first.requests];
      }),
  );
  return [
    `Cold navigations in headless Chromium (SwiftShader WebGL, 1280×900): each run is a fresh browser context with the HTTP cache disabled, after three untimed warm-up loads per page, and the pages are timed in turn. A **new tab** is navigated as soon as it opens, so Chromium is still starting the tab (its renderer and GPU compositor) while the page loads; an **open tab** has been idle for ${OPEN_TAB.settleMs} ms first, as a reader's tab would be when they follow a link. Times are from navigation start: **Map ready** is when the map container first says \`data-state="ready"\`: the server-rendered SVG, whose coloured seats are markup in the HTML, has been painted (its inline script stamps it in a user-blocking task right after the rendering of the first frame that lays out every seat), before the page's scripts have run; **first contentful paint** is when the compositor reported a frame on screen, which in software GL on two cores comes a few hundred milliseconds after the paint; **WebGL took over** is when MapLibre has painted every seat and replaced the SVG (\`data-renderer="webgl"\`). Median and p90 of ${runs} runs.`,
    timing,
    "Bytes on the wire (encoded response bodies) for one cold load, by kind (geometry = `/geo/` files; data = JSON and RSC fetches):",
    bytes,
  ].join("\n\n");
}

// Medians and p90 need at least 15 runs to be reported (docs/BENCHMARKS.md); BENCH_RUNS may ask for more.
const RUNS = Math.max(15, Number(process.env.BENCH_RUNS) || 15);

export const mapLoadSection: BenchSection = {
  heading: "Map load",
  async run(env: BenchEnv) {
    const browser = await env.browser();
    const pages = [
      { label: "Seed petition `/` (embedded, 2010 seats)", path: "/" },
      {
        label: `Stand-in petition \`/petitions/${FIXTURE_IDS.open2024}\` (650 seats, 2024)`,
        path: `/petitions/${FIXTURE_IDS.open2024}`,
      },
    ];
    console.log(`Map load: ${pages.map(({ path }) => path).join(", ")} × ${RUNS}, in turn`);
    const results = await measurePages(browser, env.appUrl, pages, RUNS);
    return mapLoadMarkdown(results, RUNS);
  },
};
