import { describe, expect, it } from "vitest";
import { frameZoom, SEAT_MAX_ZOOM } from "@/lib/geo/camera";
import { SEED_PETITION_ID } from "@/lib/petitions";
import { projectMercator } from "@/lib/seats/mercator";
import { hexBounds, type HexLayout } from "@/lib/geo/hex";
import { getGeoManifest } from "@/lib/seats";
import { loadPetition } from "@/lib/load/petition";
import { initialSvgFrame } from "./svg-camera";
import { readFileSync } from "node:fs";
import path from "node:path";

const SALFORD = "E14000911";
const none = { area: null, region: null, mapKind: "map" } as const;

describe("initialSvgFrame", async () => {
  const { joined } = await loadPetition(SEED_PETITION_ID);

  it("shows every seat when the URL points nowhere, or at a seat the set does not have", () => {
    expect(initialSvgFrame("2010", none, joined.rows)).toBeNull();
    expect(initialSvgFrame("2010", { ...none, area: "E14001470" }, joined.rows)).toBeNull();
  });

  it("frames a selected city seat by its own box, at the zoom limit on a laptop and a phone alike", () => {
    const frame = initialSvgFrame("2010", { ...none, area: SALFORD }, joined.rows)!;
    expect(frame.maxZoom).toBe(SEAT_MAX_ZOOM);
    expect(frameZoom(frame)).toBeCloseTo(SEAT_MAX_ZOOM, 6);
    expect(frameZoom(frame, [390, 338])).toBeCloseTo(SEAT_MAX_ZOOM, 6);
    // Salford lies around 2.3°W 53.48°N.
    const [x, y, width, height] = frame.viewBox;
    const [sx, sy] = projectMercator(-2.3, 53.48);
    expect(sx).toBeGreaterThan(x);
    expect(sx).toBeLessThan(x + width);
    expect(sy).toBeGreaterThan(y);
    expect(sy).toBeLessThan(y + height);
  });

  it("frames a region around all its seats: London at the limit on a laptop but not a phone, Scotland further out", () => {
    const london = initialSvgFrame("2010", { ...none, region: "london" }, joined.rows)!;
    const scotland = initialSvgFrame("2010", { ...none, region: "scotland" }, joined.rows)!;
    expect(frameZoom(london)).toBeCloseTo(SEAT_MAX_ZOOM, 6);
    expect(frameZoom(london, [390, 338])).toBeLessThan(SEAT_MAX_ZOOM);
    expect(frameZoom(scotland)).toBeLessThan(frameZoom(london));
  });

  it("frames a hex on the cartogram as MapLibre frames it: the hex's own box, projected, at the zoom limit", () => {
    const layout = JSON.parse(
      readFileSync(path.join(__dirname, "../../public", getGeoManifest("2010").hex), "utf8"),
    ) as HexLayout;
    const [west, south, east, north] = hexBounds(layout).get(SALFORD)!;
    const frame = initialSvgFrame("2010", { ...none, area: SALFORD, mapKind: "hex" }, joined.rows)!;
    const [left, top] = projectMercator(west, north);
    const [right, bottom] = projectMercator(east, south);
    const [x, y, width, height] = frame.viewBox;
    expect(x).toBeCloseTo(left, 1);
    expect(y).toBeCloseTo(top, 1);
    expect(x + width).toBeCloseTo(right, 1);
    expect(y + height).toBeCloseTo(bottom, 1);
    expect(frameZoom(frame)).toBeCloseTo(SEAT_MAX_ZOOM, 6);
  });
});
