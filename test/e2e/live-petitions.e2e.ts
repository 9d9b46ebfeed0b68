import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@/scripts/data/paths";
import { FIXTURE_IDS, LISTING_FILLER, MISSING_ID } from "@/test/upstream/fixtures";
import { test } from "./harness";
import { expectSelected, readPanel, waitForMapReady } from "./support/atlas";

interface FixtureSeat {
  name: string;
  ons_code: string;
  mp: string;
  signature_count: number;
}

function fixture(id: number) {
  const json = JSON.parse(readFileSync(path.join(repoRoot, "test/upstream/fixtures", `${id}.json`), "utf8"));
  const attributes = json.data.attributes;
  const uk = attributes.signatures_by_country.find((country: { code: string }) => country.code === "GB");
  return { seats: attributes.signatures_by_constituency as FixtureSeat[], uk: uk.signature_count as number };
}

for (const [label, id, set] of [
  ["an open 2024-parliament petition", FIXTURE_IDS.open2024, "2024"],
  ["an archived 2019–24 petition", FIXTURE_IDS.archived2019, "2010"],
] as const) {
  test(`live: ${label} maps on the ${set} boundaries and every sampled panel equals its JSON`, async ({
    page,
    open,
    requests,
  }) => {
    await open(`/petitions/${id}`);
    await waitForMapReady(page);
    assert.ok(
      // The boundaries MapLibre starts with: the whole-UK overview or the full detail of that set.
      requests.some((url) => new RegExp(`/geo/pcon-${set}[.-]`).test(url)),
      `the ${set} boundary file should be fetched`,
    );
    const { seats, uk } = fixture(id);
    for (const seat of [seats[0], seats[123], seats[456], seats[seats.length - 1]]) {
      assert.ok(seat);
      await open(`/petitions/${id}?area=${seat.ons_code}`);
      await expectSelected(page, seat.ons_code);
      const panel = await readPanel(page);
      assert.equal(panel.facts["Signatures"], seat.signature_count.toLocaleString("en-GB"), seat.name);
      assert.equal(
        panel.facts["Share of UK signatures"],
        `${((seat.signature_count / uk) * 100).toFixed(2)}%`,
      );
      assert.ok(panel.text.includes(seat.mp), `panel should name the MP ${seat.mp}: ${panel.text}`);
    }
  });
}

test("live: a rejected petition explains why and leaves the map uncoloured", async ({ page, open }) => {
  await open(`/petitions/${FIXTURE_IDS.rejected}`);
  await page.getByRole("heading", { name: "Why it was rejected" }).waitFor();
  await page.getByText("no signatures by constituency, so the map is not coloured").waitFor();
  await waitForMapReady(page);
});

test("live: 50 concurrent loads of one petition make one upstream request", async ({ appUrl, standIn }) => {
  const id = LISTING_FILLER.first + 7;
  const responses = await Promise.all(
    Array.from({ length: 50 }, () =>
      fetch(`${appUrl}/api/petitions/${id}`).then((response) => response.status),
    ),
  );
  assert.deepEqual([...new Set(responses)], [200]);
  const stats = standIn.stats();
  const calls = Object.entries(stats.byPath)
    .filter(([pathname]) => pathname.includes(`/${id}.json`))
    .reduce((sum, [, count]) => sum + count, 0);
  assert.equal(calls, 1, `upstream calls for ${id}: ${JSON.stringify(stats.byPath)}`);
});

test(
  "live: an unknown petition is a 404 page, not an error",
  async ({ page, appUrl }) => {
    const response = await page.goto(`${appUrl}/petitions/${MISSING_ID}`);
    assert.equal(response?.status(), 404);
    await page.getByRole("heading", { name: "We could not find that" }).waitFor();
  },
  { failOnConsoleErrors: false },
);

test("live: the home page form opens a petition from its URL", async ({ page, open }) => {
  await open("/petitions");
  await page.getByRole("link", { name: /./ }).first().waitFor();
  const input = page.getByRole("textbox", { name: "Petition number or link" }).last();
  await input.fill(
    ` https://petition.parliament.uk/archived/petitions/${FIXTURE_IDS.archived2019}.json?x=1#top `,
  );
  await input.press("Enter");
  await page.waitForURL(new RegExp(`/petitions/${FIXTURE_IDS.archived2019}$`));
  await waitForMapReady(page);
});

test("live: a petition with regional figures lists them", async ({ page, open }) => {
  const json = JSON.parse(
    readFileSync(path.join(repoRoot, "test/upstream/fixtures", `${FIXTURE_IDS.open2024}.json`), "utf8"),
  );
  const regions = json.data.attributes.signatures_by_region as { name: string; signature_count: number }[];
  await open(`/petitions/${FIXTURE_IDS.open2024}`);
  const table = page.getByRole("table", { name: /Signatures by nation and English region/ });
  await table.waitFor();
  assert.equal(await table.locator("tbody tr").count(), regions.length);
  const first = [...regions].sort((a, b) => b.signature_count - a.signature_count)[0];
  assert.ok(first);
  const cells = await table.locator("tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(cells, [first.name, first.signature_count.toLocaleString("en-GB")]);
});
