import { describe, expect, it } from "vitest";
import { frameZoom, SEAT_MAX_ZOOM } from "@/lib/geo/camera";
import { SEED_PETITION_ID } from "@/lib/petitions";
import { projectMercator } from "@/lib/seats/mercator";
import { loadPetition } from "@/lib/load/petition";
import { initialSvgFrame } from "./svg-camera";

const SALFORD = "E14000911";
const none = { area: null, region: null };

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
});
