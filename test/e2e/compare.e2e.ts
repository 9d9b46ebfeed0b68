import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sampleCorrelation } from "simple-statistics";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { test } from "./harness";
import { waitForMapReady } from "./support/atlas";
import { expectAccessible } from "./support/axe";

const PAIR = `/compare/575833/${FIXTURE_IDS.archived2019}`;

test("compare: the page shows both correlations, and its CSV downloads with the rates they come from", async ({
  page,
  open,
}) => {
  await open(PAIR);
  const correlation = page.getByTestId("correlation");
  const pearson = await correlation.getAttribute("data-pearson");
  const spearman = await correlation.getAttribute("data-spearman");
  assert.match(pearson ?? "", /^-?[01]\.\d{3}$/);
  assert.match(spearman ?? "", /^-?[01]\.\d{3}$/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the comparison as CSV" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `compare-575833-${FIXTURE_IDS.archived2019}.csv`);
  const lines = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\r\n");
  assert.equal(lines.length, 651, "a header and 650 seats");
  // Both petitions list every seat, so the page's Pearson is that of the CSV's two rate columns.
  const rates = lines.slice(1).map((line) => line.split(",").slice(-3, -1).map(Number));
  const fromCsv = sampleCorrelation(
    rates.map(([a]) => a!),
    rates.map(([, b]) => b!),
  );
  assert.equal(fromCsv.toFixed(3), pearson);
});

test("compare: the difference map is log2(rate A / rate B) by default, and the relative view is a control the link and CSV carry", async ({
  page,
  open,
}) => {
  await open(PAIR);
  const map = page.getByTestId("difference-map");
  assert.equal(await map.getAttribute("data-measure"), "ratio");
  await map.getByText("log2(rate A / rate B)", { exact: true }).waitFor();
  const legend = map.getByRole("list", { name: "Legend" }).getByRole("listitem");
  const labels = await legend.allTextContents();
  assert.equal(labels.length, 5);
  assert.equal(labels[2], "equal");
  assert.match(labels[0]!, /^[\d,]+× more B$/);
  assert.match(labels[4]!, /^[\d,]+× more A$/);

  await page
    .getByRole("navigation", { name: "Difference measure" })
    .getByRole("link", { name: "Each relative to its UK rate" })
    .click();
  await page.waitForURL(`**${PAIR}?diff=relative`);
  await page.locator('[data-testid="difference-map"][data-measure="relative"]').waitFor();
  assert.equal(
    await page.getByRole("link", { name: "Each relative to its UK rate" }).getAttribute("aria-current"),
    "page",
  );
  assert.match(
    await page.getByLabel("Link to this comparison").inputValue(),
    /\/compare\/575833\/\d+\?diff=relative$/,
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the comparison as CSV" }).click(),
  ]);
  const header = readFileSync((await download.path())!, "utf8").split("\r\n")[0]!;
  assert.ok(header.endsWith(",log2_relative_ratio"), header);
});

test("compare: petitions on different boundary sets are refused with a clear message", async ({
  page,
  open,
}) => {
  await open(`/compare/575833/${FIXTURE_IDS.open2024}`);
  await page.getByRole("alert").getByText("cannot be compared yet").waitFor();
  assert.equal(await page.getByTestId("correlation").count(), 0);
});

test("compare: a petition page's “compare with…” form opens the comparison", async ({ page, open }) => {
  await open("/");
  await waitForMapReady(page);
  await page.getByRole("textbox", { name: "Compare with…" }).fill(String(FIXTURE_IDS.archived2019));
  await page.getByRole("button", { name: "Compare" }).click();
  await page.waitForURL(`**${PAIR}`);
  await page.getByTestId("correlation").waitFor();
});

test("a11y: axe finds no serious or critical issues on a comparison", async ({ page, open }) => {
  await open(PAIR);
  await page.getByTestId("correlation").waitFor();
  await expectAccessible(page, "a comparison");
});
