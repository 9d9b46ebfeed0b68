import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { BoundarySet } from "@/lib/seats/types";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { test } from "./harness";
import { expectSelected } from "./support/atlas";
import { hexHandover, southernmostHex } from "./support/hex-handover";
import { contextFor, isTouch, LAYOUT_VIEWPORTS } from "./support/viewports";

const SALFORD = "E14000911";
/** How far any seat of the cartogram may be from where the SVG drew it once MapLibre has taken over. */
const HANDOVER_SLACK_PX = 1;

/** Opens a hex view and checks MapLibre takes over with every hex where the SVG drew it; returns the shift. */
async function expectSteadyHandover(
  page: Page,
  { set, touch, selected }: { set: BoundarySet; touch: boolean; selected: string | null },
) {
  const { svg, edge, centre } = await hexHandover(page, { set, touch });
  assert.ok(
    edge.px <= HANDOVER_SLACK_PX && centre.px <= HANDOVER_SLACK_PX,
    `MapLibre moved ${edge.code} ${edge.px.toFixed(1)} px at an edge and ${centre.code} ` +
      `${centre.px.toFixed(1)} px at its centre from where the SVG drew them`,
  );
  if (selected) {
    await expectSelected(page, selected);
    // Framed as ?area= frames a seat: the hex at the seat zoom, about 130 px across.
    const [left = 0, , right = 0] = svg.get(selected) ?? [];
    assert.ok(right - left > 100, `${selected} is framed: ${(right - left).toFixed(0)} px wide`);
  }
  return { edge, centre };
}

for (const viewport of LAYOUT_VIEWPORTS) {
  const { width, height } = viewport;
  for (const [label, url, selected] of [
    ["the whole cartogram", "/?view=hex", null],
    ["a seat from ?area=", `/?view=hex&area=${SALFORD}`, SALFORD],
  ] as const) {
    test(
      `hex handover ${width}×${height}, ${label}: MapLibre takes over with every hex where the SVG drew it`,
      async ({ page, open }) => {
        await open(url);
        const { edge, centre } = await expectSteadyHandover(page, {
          set: "2010",
          touch: isTouch(viewport),
          selected,
        });
        console.log(
          `  ${width}×${height} ${label}: hexes moved up to ${edge.px.toFixed(2)} px at an edge (${edge.code}), ` +
            `${centre.px.toFixed(2)} px at a centre (${centre.code})`,
        );
      },
      { context: contextFor(viewport) },
    );
  }
}

const southernmost2024 = southernmostHex("2024");
test(
  "hex handover 1280×800, the 2024 cartogram's southernmost hex from ?area=: MapLibre takes over with every hex where the SVG drew it",
  async ({ page, open }) => {
    await open(`/petitions/${FIXTURE_IDS.open2024}?view=hex&area=${southernmost2024}`);
    const { edge, centre } = await expectSteadyHandover(page, {
      set: "2024",
      touch: false,
      selected: southernmost2024,
    });
    console.log(
      `  2024, ${southernmost2024}: ${edge.px.toFixed(2)} px at an edge, ${centre.px.toFixed(2)} px at a centre`,
    );
  },
  { context: contextFor(LAYOUT_VIEWPORTS[0]) },
);
