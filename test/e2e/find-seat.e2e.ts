import assert from "node:assert/strict";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { test } from "./harness";
import { expectSelected, readCamera, waitForMapReady } from "./support/atlas";
import { eventually } from "./support/eventually";

const searchBox = (page: import("playwright-core").Page) =>
  page.getByRole("combobox", { name: "Find your constituency" });

test("find: typing a postcode selects and zooms to its seat; the URL holds the seat, not the postcode", async ({
  page,
  open,
}) => {
  await open("/");
  await waitForMapReady(page);
  await searchBox(page).fill("sw1a1aa");
  await searchBox(page).press("Enter");
  await expectSelected(page, "E14000639");
  await page
    .getByRole("status")
    .filter({ hasText: "SW1A 1AA is in Cities of London and Westminster" })
    .waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("area"), "E14000639");
  assert.ok(!/sw1a|SW1A/.test(url.href), `the postcode must not be in the URL: ${url.href}`);
  await eventually(async () => assert.ok((await readCamera(page)).zoom > 7, "camera zoomed to the seat"), {
    timeout: 5_000,
    what: "camera on the postcode's seat",
  });
});

test("find: 'ynys mon' and Enter selects Ynys Môn", async ({ page, open }) => {
  await open("/");
  await waitForMapReady(page);
  await searchBox(page).fill("ynys mon");
  await searchBox(page).press("Enter");
  await expectSelected(page, "W07000041");
  await page.getByTestId("area-panel").getByRole("heading", { name: "Ynys Môn" }).waitFor();
});

test("find: text typed before the page's scripts have run is kept, and searched once they have", async ({
  page,
  appUrl,
}) => {
  // The page's chunks are held back until the reader has typed (they load after the first paint in any case).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  // Not to the load event, which may wait on chunks the loader added before it.
  await page.goto(new URL("/", appUrl).href, { waitUntil: "domcontentloaded" });
  await searchBox(page).fill("long bailey");
  release();
  await page.getByRole("option", { name: /Salford and Eccles/ }).waitFor();
  assert.equal(await searchBox(page).inputValue(), "long bailey");
});

test("find: the combobox lists MPs and seats and is driven by the keyboard", async ({ page, open }) => {
  await open("/");
  await waitForMapReady(page);
  await searchBox(page).fill("long bailey");
  const option = page.getByRole("option", { name: /Salford and Eccles/ });
  await option.waitFor();
  await searchBox(page).press("ArrowDown");
  assert.equal(await option.getAttribute("aria-selected"), "true");
  await searchBox(page).press("Enter");
  await expectSelected(page, "E14000911");
});

test(
  "find: bad and foreign postcodes are explained inline",
  async ({ page, open }) => {
    await open("/");
    await waitForMapReady(page);
    for (const [input, message] of [
      ["JE2 3AB", /Jersey is a Crown Dependency/],
      ["ZZ1 1ZZ", /not in the ONS postcode directory|not a UK postcode/],
    ] as const) {
      await searchBox(page).fill(input);
      await searchBox(page).press("Enter");
      await page.getByRole("status").filter({ hasText: message }).waitFor();
    }
    assert.equal(new URL(page.url()).searchParams.get("area"), null);
    // Chromium logs the API's honest 404s as console errors; the page itself must show them as messages.
  },
  { failOnConsoleErrors: false },
);

/** Every form of a postcode in a URL: as typed, spaced, +-joined or percent-encoded. */
const postcodeIn = (postcode: string) => {
  const [outward, inward] = postcode.split(" ");
  return new RegExp(`${outward}(?:\\+|%20|\\s)?${inward}`, "i");
};

test(
  "find: without JavaScript a postcode search posts, and every URL on the way to the seat is without the postcode",
  async ({ page, open, requests }) => {
    await open("/");
    const navigations: string[] = [];
    page.on("response", (response) => {
      if (!response.request().isNavigationRequest()) return;
      navigations.push(`${response.request().method()} ${response.status()} ${response.url()}`);
      const location = response.headers().location;
      if (location) navigations.push(`Location: ${location}`);
    });
    await page.getByRole("search", { name: "Find a constituency" }).waitFor();
    await page.getByRole("combobox", { name: "Find your constituency" }).fill("M5 4WT");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.waitForURL(/area=E14000911/);
    await page.getByTestId("area-panel").getByRole("heading", { name: "Salford and Eccles" }).waitFor();
    assert.match(navigations[0] ?? "", /^POST 303 .*\/find$/, navigations.join("\n"));
    const leaks = [...navigations, ...requests, page.url()].filter((url) => postcodeIn("M5 4WT").test(url));
    assert.deepEqual(leaks, [], `the postcode must be in no URL:\n${navigations.join("\n")}`);
  },
  { context: { javaScriptEnabled: false } },
);

test(
  "find: without JavaScript several matching constituencies are listed",
  async ({ page, open }) => {
    await open("/find?q=north&petition=575833&from=/");
    await page.getByRole("status").filter({ hasText: "constituencies match" }).waitFor();
    assert.ok((await page.getByRole("link", { name: /^North / }).count()) >= 5);
  },
  { context: { javaScriptEnabled: false } },
);

test("find: an estimated postcode answer near a boundary says so and offers the neighbouring seat", async ({
  page,
  open,
}) => {
  // A 2024-set petition: every postcode's seat there is estimated by point-in-polygon.
  await open(`/petitions/${FIXTURE_IDS.open2024}`);
  await waitForMapReady(page);
  await searchBox(page).fill("EC1A 1BB");
  await searchBox(page).press("Enter");
  await expectSelected(page, "E14001290");
  await page
    .getByRole("status")
    .filter({
      hasText:
        "EC1A 1BB is probably in Holborn and St Pancras (estimated from where the postcode lies), but it is close to the boundary with Islington South and Finsbury",
    })
    .waitFor();
  await page.getByRole("button", { name: "Show Islington South and Finsbury" }).click();
  await expectSelected(page, "E14001306");
});

test(
  "find: without JavaScript an estimated postcode answer lists its seat and the neighbouring one, by a URL without the postcode",
  async ({ page, open, requests }) => {
    await open(`/petitions/${FIXTURE_IDS.open2024}`);
    await page.getByRole("combobox", { name: "Find your constituency" }).fill("EC1A 1BB");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "That postcode is probably in Holborn and St Pancras" })
      .waitFor();
    assert.ok(!page.url().includes("area="), "an estimate is shown, not redirected to");
    assert.deepEqual(
      [...requests, page.url()].filter((url) => postcodeIn("EC1A 1BB").test(url)),
      [],
    );
    await page.getByRole("link", { name: "Islington South and Finsbury" }).click();
    await page.waitForURL(/area=E14001306/);
    await page
      .getByTestId("area-panel")
      .getByRole("heading", { name: "Islington South and Finsbury" })
      .waitFor();
    // A postcode still sent in a /find link is sent on the same way, so the browser keeps no URL with it.
    await open(`/find?q=EC1A+1BB&petition=${FIXTURE_IDS.open2024}`);
    assert.ok(!postcodeIn("EC1A 1BB").test(page.url()), page.url());
    await page.getByRole("status").filter({ hasText: "That postcode is probably in" }).waitFor();
  },
  { context: { javaScriptEnabled: false } },
);
