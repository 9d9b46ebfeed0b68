/**
 * Handover: how far the map moves when MapLibre replaces the server-rendered SVG, at the five screens the map is laid
 * out for, on the geographic map (its view's edges) and the hex cartogram (every hex's edges and centre), with and
 * without a seat from ?area=.
 */
import type { Browser, Page } from "playwright-core";
import { isTouch, LAYOUT_VIEWPORTS, contextFor, type LayoutViewport } from "@/test/e2e/support/viewports";
import { panToStartMapLibre, waitForMap, waitForMapReady } from "@/test/e2e/support/atlas";
import { shownView, viewShiftPx } from "@/test/e2e/support/camera";
import { hexHandover } from "@/test/e2e/support/hex-handover";
import { markdownTable } from "./report";
import type { BenchEnv, BenchSection } from "./section";

const SALFORD = "E14000911";

const VIEWS = [
  { label: "Geography, whole UK", path: "/", hex: false },
  { label: "Geography, `?area=` (Salford)", path: `/?area=${SALFORD}`, hex: false },
  { label: "Hex, whole cartogram", path: "/?view=hex", hex: true },
  { label: "Hex, `?area=` (Salford)", path: `/?view=hex&area=${SALFORD}`, hex: true },
] as const;

/** The largest move, in CSS pixels: of the view's edges (geography) or of any hex's edges or centre (hex). */
async function handoverPx(page: Page, hex: boolean, touch: boolean): Promise<number> {
  if (hex) {
    const { edge, centre } = await hexHandover(page, { set: "2010", touch });
    return Math.max(edge.px, centre.px);
  }
  await waitForMap(page, "svg");
  const svg = await shownView(page);
  await (touch ? panToStartMapLibre(page) : waitForMapReady(page));
  return viewShiftPx(svg, await shownView(page));
}

async function measure(browser: Browser, url: string, viewport: LayoutViewport, hex: boolean) {
  const context = await browser.newContext(contextFor(viewport));
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await handoverPx(page, hex, isTouch(viewport));
  } finally {
    await context.close();
  }
}

export const handoverSection: BenchSection = {
  heading: "Handover",
  async run(env: BenchEnv) {
    const browser = await env.browser();
    const rows: string[][] = [];
    for (const view of VIEWS) {
      const row: string[] = [view.label];
      for (const viewport of LAYOUT_VIEWPORTS) {
        const px = await measure(browser, new URL(view.path, env.appUrl).href, viewport, view.hex);
        console.log(`Handover: ${view.label} at ${viewport.width}×${viewport.height}: ${px.toFixed(2)} px`);
        row.push(px.toFixed(2));
      }
      rows.push(row);
    }
    const table = markdownTable(
      ["Largest move (px)", ...LAYOUT_VIEWPORTS.map(({ width, height }) => `${width}×${height}`)],
      rows,
    );
    return [
      "How far the map moves on screen when MapLibre takes over from the server-rendered SVG, one page load per view and screen in headless Chromium (SwiftShader WebGL); phones (390×844, 844×390) boot MapLibre with a touch pan, the others by themselves. **Geography**: the largest difference of the four edges of what the map's box shows, read from the SVG's screen transform just before and MapLibre's camera just after (as test/e2e/map-camera.e2e.ts). **Hex**: every hex's box in the SVG in its last frame on screen (its screen transform read each animation frame until `data-renderer=\"webgl\"`) against the same hex's corners and centre projected with `window.petitionAtlasMap.project` just after; the largest difference over the 650 hexes (as test/e2e/hex-handover.e2e.ts). Decision 0045 has the hex figures from before its SVG was drawn in Mercator units (2.9–10.0 px for the whole cartogram, thousands with `?area=`).",
      table,
    ].join("\n\n");
  },
};
