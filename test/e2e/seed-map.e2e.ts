import assert from "node:assert/strict";
import { test } from "./harness";
import {
  boxContains,
  clickSeatOnMap,
  expectNoPanel,
  expectPanel,
  expectSelected,
  readCamera,
  waitForMapReady,
} from "./support/atlas";
import { eventually } from "./support/eventually";
import { seatBox } from "./support/seats";
import { expectedSeat, sampleSeedSeats } from "./support/seed";

const SALFORD = "E14000911";

test("seed: clicking Salford and Eccles on the map selects it and shows its figures", async ({
  page,
  open,
}) => {
  await open("/");
  await waitForMapReady(page);
  await clickSeatOnMap(page, "2010", SALFORD);
  await expectSelected(page, SALFORD);
  const expected = expectedSeat(SALFORD);
  // The brief's facts, checked against the JSON-derived ones so a data change cannot pass silently.
  assert.deepEqual([expected.signatures, expected.share, expected.rank], ["814", "0.30%", "1st of 650"]);
  const panel = await expectPanel(page, expected);
  assert.ok(
    panel.text.includes("Rebecca Long Bailey MP (Labour)"),
    `MP line "Rebecca Long Bailey MP (Labour)" not in panel text: ${panel.text}`,
  );
});

test("seed: the panel matches the petition's JSON for a sample of seats", async ({ page, open }) => {
  for (const seat of sampleSeedSeats(6, 575833)) {
    await open(`/?area=${seat.code}`);
    await expectSelected(page, seat.code);
    await expectPanel(page, seat);
  }
});

test("seed: a deep link selects the seat and fits the camera to it", async ({ page, open }) => {
  const code = "E14000639";
  await open(`/?area=${code}`);
  await expectPanel(page, expectedSeat(code));
  await waitForMapReady(page);
  await expectSelected(page, code);
  const seat = seatBox("2010", code);
  await eventually(
    async () => {
      const camera = await readCamera(page);
      assert.ok(camera.zoom > 7, `zoom ${camera.zoom.toFixed(2)} should be > 7`);
      assert.ok(
        boxContains(camera.bounds, seat),
        `camera ${camera.bounds.map((n) => n.toFixed(3))} should contain the seat ${seat.map((n) => n.toFixed(3))}`,
      );
    },
    { timeout: 5_000, what: "camera on the deep-linked seat" },
  );
});

for (const [label, area] of [
  ["an unknown seat code", "E99999999"],
  ["a malformed area", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
] as const) {
  test(`seed: ${label} in ?area= is ignored without errors`, async ({ page, open }) => {
    await open(`/?area=${area}`);
    await waitForMapReady(page);
    await expectNoPanel(page);
    assert.equal(await page.getByTestId("petition-map").getAttribute("data-selected"), "");
  });
}
