import assert from "node:assert/strict";
import { test } from "./harness";
import {
  expectNoPanel,
  expectPanel,
  expectSelected,
  panelLocator,
  seatLink,
  seatTable,
  waitForMap,
  waitForMapReady,
} from "./support/atlas";
import { eventually } from "./support/eventually";
import { expectedSeat, SEED_SEAT_COUNT, seedSeatsBySignatures } from "./support/seed";

const [first, second, third] = seedSeatsBySignatures();
if (!first || !second || !third) throw new Error("The seed petition has fewer than three seats");

test("seed: a seat link in the table selects the seat; Show all lists every seat", async ({ page, open }) => {
  await open("/");
  await waitForMapReady(page); // clicks and keys need the page to be interactive
  await seatLink(page, third.name).click();
  await expectSelected(page, third.code);
  await expectPanel(page, third);

  const rows = seatTable(page).locator("tbody tr");
  assert.ok((await rows.count()) < SEED_SEAT_COUNT, "the table starts collapsed");
  await page.getByRole("button", { name: `Show all ${SEED_SEAT_COUNT} seats` }).click();
  await eventually(async () => assert.equal(await rows.count(), SEED_SEAT_COUNT, "table rows"), {
    what: "all seats listed",
  });
  const last = seedSeatsBySignatures().at(-1);
  assert.ok(last);
  await seatLink(page, last.name).click();
  await expectSelected(page, last.code);
  await expectPanel(page, last);
});

test("seed: Esc and the close button clear the selection", async ({ page, open }) => {
  await open(`/?area=${first.code}`);
  await expectPanel(page, first);
  // The server-rendered panel shows before the page is interactive; keys only work once it is.
  await waitForMapReady(page);
  await page.keyboard.press("Escape");
  await expectSelected(page, null);
  await expectNoPanel(page);

  await seatLink(page, second.name).click();
  await expectPanel(page, second);
  await panelLocator(page).getByRole("button", { name: "Close seat details" }).click();
  await expectSelected(page, null);
  await expectNoPanel(page);
});

test("seed: Back restores the previous selection", async ({ page, open }) => {
  await open("/");
  await waitForMapReady(page); // clicks and keys need the page to be interactive
  await seatLink(page, first.name).click();
  await expectSelected(page, first.code);
  await seatLink(page, second.name).click();
  await expectSelected(page, second.code);

  await page.goBack();
  await expectSelected(page, first.code);
  await expectPanel(page, first);

  await page.getByRole("button", { name: "Close seat details" }).click();
  await expectNoPanel(page);
  await page.goBack();
  await expectSelected(page, first.code);
  await expectPanel(page, first);
});

test("seed: /petitions/575833 shows the same atlas as /", async ({ page, open }) => {
  await open("/");
  const homeHeading = await page.getByRole("heading", { level: 1 }).innerText();
  await open(`/petitions/575833?area=${first.code}`);
  assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), homeHeading);
  await waitForMapReady(page);
  await expectSelected(page, first.code);
  await expectPanel(page, expectedSeat(first.code));
  // Links stay on the petition's own path rather than jumping back to the home page.
  const href = await seatLink(page, second.name).getAttribute("href");
  assert.ok(href?.startsWith("/petitions/575833?"), `seat link ${href} should stay on /petitions/575833`);
});

test(
  "seed: on a 390×844 phone the selected seat's panel is visible without sideways scrolling",
  async ({ page, open, screenshot }) => {
    await open(`/?area=${first.code}`);
    // A phone's map is the server's SVG until the reader pans or zooms it.
    await waitForMap(page, "svg");
    await expectPanel(page, first);
    await screenshot("phone-seed-first-view");
    const panel = panelLocator(page);
    await panel.scrollIntoViewIfNeeded();
    assert.ok(await panel.isVisible(), "panel visible");
    const box = await panel.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `panel box ${JSON.stringify(box)} fits 390 px`);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= 390, `page is ${pageWidth} px wide on a 390 px screen`);
    await screenshot("phone-seed-selected");
  },
  {
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  },
);

test("seed: every request stays on the app's origin", async ({ page, open, requests, appUrl }) => {
  await open("/");
  await waitForMapReady(page);
  await seatLink(page, second.name).click();
  await expectPanel(page, second);
  await page.getByRole("button", { name: `Show all ${SEED_SEAT_COUNT} seats` }).click();
  assert.ok(
    requests.some((url) => new URL(url).pathname.startsWith("/geo/")),
    "the boundary file was fetched",
  );
  const origin = new URL(appUrl).origin;
  const elsewhere = requests.filter(
    (url) => !url.startsWith("data:") && !url.startsWith(`blob:${origin}`) && new URL(url).origin !== origin,
  );
  assert.deepEqual(elsewhere, [], "requests to other origins");
});
