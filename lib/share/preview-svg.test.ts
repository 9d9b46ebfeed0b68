import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { buildLoadedPetition } from "@/lib/load/petition";
import { reshapePetition } from "@/lib/petitions/reshape";
import { colourOf, METRICS, metricValue, ZERO_COLOUR, type Metric } from "@/lib/scale/scale";
import { getGeoManifest } from "@/lib/seats";
import { buildPreviewSvg, PREVIEW_HEIGHT, PREVIEW_WIDTH } from "./preview-svg";
import { parseSeatPaths } from "@/lib/geo/seat-paths";

const loaded = buildLoadedPetition({
  petition: reshapePetition(seedJson),
  asOf: seedJson.data.attributes.updated_at,
  stale: false,
  source: "embedded",
});
const manifest = getGeoManifest(loaded.joined.set);
const paths = parseSeatPaths(readFileSync(path.join(process.cwd(), "public", manifest.seatPaths), "utf8"));
const seedSeats = seedJson.data.attributes.signatures_by_constituency;
const mostSigned = seedSeats.reduce((best, seat) =>
  seat.signature_count > best.signature_count ? seat : best,
);

function preview(metric: Metric, area: string | null, title = loaded.load.petition.action) {
  const svg = buildPreviewSvg({
    petitionId: loaded.load.petition.id,
    title,
    signatureCount: loaded.load.petition.signatureCount,
    scale: loaded.scales[metric],
    rows: loaded.joined.rows,
    paths,
    viewBox: manifest.viewBox,
    area,
  });
  // Parsing as XML fails loudly on anything malformed, e.g. an unescaped title.
  const document = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
  return { svg, document };
}

describe("buildPreviewSvg on the seed petition", () => {
  // The seed has no signature history, so momentum has nothing to colour (the next test).
  it.each(METRICS.filter((metric) => metric !== "momentum"))(
    "colours all 650 seats by %s with at least 5 colours",
    (metric) => {
      const { document } = preview(metric, null);
      const root = document.documentElement;
      expect([root.getAttribute("width"), root.getAttribute("height")]).toEqual([
        String(PREVIEW_WIDTH),
        String(PREVIEW_HEIGHT),
      ]);
      const seats = [...document.querySelectorAll("#seats > path")];
      expect(seats).toHaveLength(650);
      expect(new Set(seats.map((seat) => seat.getAttribute("fill"))).size).toBeGreaterThanOrEqual(5);
    },
  );

  it("leaves every seat in the zero colour by momentum, since the seed has no history", () => {
    const seats = [...preview("momentum", null).document.querySelectorAll("#seats > path")];
    expect(new Set(seats.map((seat) => seat.getAttribute("fill")))).toEqual(new Set([ZERO_COLOUR]));
  });

  it.each(METRICS)("gives each seat's outline that seat's %s colour", (metric) => {
    const { document } = preview(metric, null);
    const fillByPath = new Map(
      [...document.querySelectorAll("#seats > path")].map((seat) => [
        seat.getAttribute("d"),
        seat.getAttribute("fill"),
      ]),
    );
    for (const row of loaded.joined.rows) {
      expect(fillByPath.get(paths.get(row.code) ?? ""), row.name).toBe(
        colourOf(loaded.scales[metric], metricValue(row, metric)),
      );
    }
  });

  it("outlines and rings the selected seat, and only then", () => {
    const code = mostSigned.ons_code;
    const selected = preview("count", code).document.querySelector("#selected");
    expect(selected?.querySelector("path")?.getAttribute("d")).toBe(paths.get(code));
    expect(selected?.querySelector("path")?.getAttribute("fill")).toBe("none");
    expect(selected?.querySelectorAll("circle").length).toBeGreaterThan(0);
    expect(preview("count", code).document.documentElement.textContent).toContain(mostSigned.name);
    expect(preview("count", null).document.querySelector("#selected")).toBeNull();
    expect(preview("count", "E99999999").document.querySelector("#selected")).toBeNull();
  });

  it("names the seat with the most signatures when none is selected", () => {
    const text = preview("count", null).document.documentElement.textContent ?? "";
    expect(text).toContain(`Most signatures: ${mostSigned.name}`);
    expect(text).toContain(seedJson.data.attributes.signature_count.toLocaleString("en-GB"));
  });

  it.each([
    ["markup", `<script>alert("x")</script> & 'quotes'`],
    ["control characters", "Ban\u0000 the\u0008 bell\u000B"],
    ["a very long word", "x".repeat(400)],
  ])("keeps a title with %s well-formed and inside three or four lines", (_, title) => {
    const { document } = preview("share", null, title);
    expect(document.querySelector("script")).toBeNull();
    const titleLines = [...document.querySelectorAll("text")].filter((text) =>
      ["46", "38", "32"].includes(text.getAttribute("font-size") ?? ""),
    );
    expect(titleLines.length).toBeGreaterThan(0);
    expect(titleLines.length).toBeLessThanOrEqual(4);
  });
});
