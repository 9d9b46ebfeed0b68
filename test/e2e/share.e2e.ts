import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { test } from "./harness";
import { mapLocator, waitForMap, waitForMapReady } from "./support/atlas";
import { eventually } from "./support/eventually";
import { freePort } from "./support/processes";
import { expectedSeat, SEED_ID } from "./support/seed";
import seed from "@/data/petitions/575833.json";
import { parseCsvRows } from "@/scripts/data/csv";

const SALFORD = expectedSeat("E14000911");

async function mapCamera(page: Page) {
  return page.evaluate(() => {
    const map = window.petitionAtlasMap;
    if (!map) throw new Error("window.petitionAtlasMap is missing");
    const { lat, lng } = map.getCenter();
    return { lat, lng, zoom: map.getZoom() };
  });
}

/** What a reader sees of the view: seat, metric, map style, focus and camera. */
async function readView(page: Page) {
  const map = mapLocator(page);
  return {
    selected: await map.getAttribute("data-selected"),
    view: await map.getAttribute("data-view"),
    metric: await page
      .getByRole("navigation", { name: "Colour seats by" })
      .locator('[aria-current="true"]')
      .innerText(),
    region: await page.getByLabel("Focus on").inputValue(),
    camera: await mapCamera(page),
  };
}

/** Decoded pixels: size and the number of distinct RGB colours. */
async function pngFacts(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const colours = new Set<number>();
  for (let index = 0; index < data.length; index += 3)
    colours.add((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!);
  return { width: info.width, height: info.height, colours: colours.size };
}

test("share: a copied link with every parameter opens the same seat, metric, view, focus and camera elsewhere", async ({
  page,
  context,
  open,
  appUrl,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: appUrl });
  await open(`/petitions/${SEED_ID}?area=${SALFORD.code}&metric=rate&view=hex&region=north-west`);
  await waitForMapReady(page);
  // A hand-made camera move (a drag) is what writes ?at= into the URL.
  const box = await mapLocator(page).locator("canvas").boundingBox();
  assert.ok(box, "map canvas has a box");
  const [x, y] = [box.x + box.width / 2, box.y + Math.min(box.height, 900 - box.y) / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 60, y + 30, { steps: 8 });
  await page.mouse.up();
  await eventually(() => assert.ok(new URL(page.url()).searchParams.get("at"), "?at= in the URL"), {
    what: "camera written to the URL",
  });
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.getByRole("status").filter({ hasText: "Link to this view copied." }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url(), "the copied link is the address bar's");
  for (const key of ["area", "metric", "view", "region", "at"])
    assert.ok(new URL(copied).searchParams.get(key), `${key} in ${copied}`);
  const original = await readView(page);
  assert.deepEqual([original.selected, original.view, original.region], [SALFORD.code, "hex", "north-west"]);

  // The PNG download is the camera as it is now, framed with title and legend.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download map (PNG)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), new RegExp(`^petition-${SEED_ID}-rate-${SALFORD.code}\\.png$`));
  const image = await pngFacts(await readFile(await download.path()));
  assert.ok(image.width >= box.width && image.height > box.height, `PNG ${image.width}×${image.height}`);
  assert.ok(image.colours > 20, `PNG has ${image.colours} colours`);

  const browser = context.browser();
  assert.ok(browser, "a browser behind the context");
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const other = await fresh.newPage();
    await other.goto(copied);
    await waitForMapReady(other);
    const restored = await readView(other);
    assert.deepEqual(
      { ...restored, camera: undefined },
      { ...original, camera: undefined },
      "seat, view, metric and focus",
    );
    // ?at= keeps 5 decimals and 2 for zoom.
    assert.ok(Math.abs(restored.camera.lat - original.camera.lat) < 1e-4, `lat ${restored.camera.lat}`);
    assert.ok(Math.abs(restored.camera.lng - original.camera.lng) < 1e-4, `lng ${restored.camera.lng}`);
    assert.ok(Math.abs(restored.camera.zoom - original.camera.zoom) < 0.011, `zoom ${restored.camera.zoom}`);
  } finally {
    await fresh.close();
  }
});

test("share: Embed opens a labelled dialog with the current view's iframe code; Esc closes it and focus returns", async ({
  page,
  open,
  appUrl,
}) => {
  await open(`/petitions/${SEED_ID}?area=${SALFORD.code}&metric=share`);
  // The button only works once the page is interactive (the map's ready state implies it).
  await waitForMapReady(page);
  const opener = page.getByRole("button", { name: "Embed" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Embed this map" });
  await dialog.waitFor();
  const code = await dialog.getByLabel("HTML code").inputValue();
  assert.ok(
    code.includes(`src="${appUrl}/embed/petitions/${SEED_ID}?area=${SALFORD.code}&amp;metric=share"`),
    `iframe code: ${code}`,
  );
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.ok(await opener.evaluate((button) => button === document.activeElement), "focus back on Embed");
});

test("share: the page's og:image is a 1200×630 PNG of the same view", async ({ page, open, appUrl }) => {
  await open(`/?area=${SALFORD.code}&metric=share`);
  const content = await page.locator('meta[property="og:image"]').getAttribute("content");
  assert.ok(content, "og:image present");
  const twitter = await page.locator('meta[name="twitter:image"]').getAttribute("content");
  assert.equal(twitter, content, "twitter:image is the same image");
  const imageUrl = new URL(content);
  assert.equal(imageUrl.searchParams.get("area"), SALFORD.code);
  assert.equal(imageUrl.searchParams.get("metric"), "share");
  const response = await fetch(new URL(imageUrl.pathname + imageUrl.search, appUrl));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "image/png");
  assert.match(response.headers.get("cache-control") ?? "", /max-age=300/);
  const facts = await pngFacts(Buffer.from(await response.arrayBuffer()));
  assert.deepEqual([facts.width, facts.height], [1200, 630]);
  assert.ok(facts.colours > 50, `${facts.colours} colours`);
});

test(
  "share: the embed reaches ready inside an iframe on another origin; full pages refuse to be framed",
  async ({ page, appUrl, consoleErrors }) => {
    const embedSrc = `${appUrl}/embed/petitions/${SEED_ID}?area=${SALFORD.code}&metric=rate`;
    const html = `<!doctype html><title>Host</title>
<iframe id="embed" src="${embedSrc}" width="1000" height="700"></iframe>
<iframe id="page" src="${appUrl}/petitions/${SEED_ID}" width="400" height="300"></iframe>`;
    const port = await freePort();
    const host: Server = createServer((_, response) => response.end(html)).listen(port, "127.0.0.1");
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      const embed = await (await page.$("#embed"))?.contentFrame();
      assert.ok(embed, "embed frame");
      const embeddedMap = embed.getByTestId("petition-map");
      await waitForMap(embed, "webgl");
      assert.equal(await embeddedMap.getAttribute("data-selected"), SALFORD.code);
      await embed.getByRole("heading", { level: 2, name: SALFORD.name }).waitFor();
      // A click inside the embed keeps the frame on the embed view.
      await embed
        .getByRole("navigation", { name: "Colour seats by" })
        .getByRole("link", { name: "Signatures", exact: true })
        .click();
      await eventually(() => assert.equal(new URL(embed.url()).pathname, `/embed/petitions/${SEED_ID}`));
      assert.equal(new URL(embed.url()).searchParams.get("metric"), null);

      const framedPage = await (await page.$("#page"))?.contentFrame();
      await eventually(
        async () => {
          assert.ok(
            !framedPage || !framedPage.url().startsWith(appUrl),
            `framed page at ${framedPage?.url()}`,
          );
        },
        { what: "the full page refused to load in a frame" },
      );
      const unexpected = consoleErrors.filter((message) => !/frame/i.test(message));
      assert.deepEqual(unexpected, [], "console errors other than the refused frame");
    } finally {
      await new Promise((resolve) => host.close(resolve));
    }
  },
  { appOriginOnly: false, failOnConsoleErrors: false },
);

test("share: the CSV has 650 seats whose signatures add up, and Ynys Môn survives", async ({ appUrl }) => {
  const response = await fetch(`${appUrl}/petitions/${SEED_ID}/constituencies.csv`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/csv; charset=utf-8/);
  const [header = [], ...rows] = parseCsvRows(await response.text());
  const column = (name: string) => {
    const index = header.indexOf(name);
    assert.ok(index >= 0, `column ${name} in ${header.join(",")}`);
    return rows.map((row) => row[index] ?? "");
  };
  assert.equal(rows.length, 650);
  const expectedTotal = seed.data.attributes.signatures_by_constituency.reduce(
    (sum, seat) => sum + seat.signature_count,
    0,
  );
  assert.equal(
    column("signatures").reduce((sum, cell) => sum + Number(cell), 0),
    expectedTotal,
  );
  assert.ok(column("name").includes("Ynys Môn"), "Ynys Môn by name");
});
