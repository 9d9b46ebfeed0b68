import { describe, expect, it } from "vitest";
import { FIT_PADDING, NOMINAL_MAP_PX, SEAT_MAX_ZOOM, unitsPerPixel, zoomOf } from "@/lib/geo/camera";
import { SEED_PETITION_ID } from "@/lib/petitions";
import { projectMercator } from "@/lib/seats/mercator";
import { loadPetition } from "@/lib/load/petition";
import { initialSvgViewBox } from "./svg-camera";

const SALFORD = "E14000911";
const none = { area: null, region: null, at: null };

describe("initialSvgViewBox", async () => {
  const { joined } = await loadPetition(SEED_PETITION_ID);

  it("shows every seat when the URL points nowhere, or at a seat the set does not have", () => {
    expect(initialSvgViewBox("2010", none, joined.rows)).toBeNull();
    expect(initialSvgViewBox("2010", { ...none, area: "E14001470" }, joined.rows)).toBeNull();
  });

  it("frames a selected city seat at the zoom limit, around the seat", () => {
    const viewBox = initialSvgViewBox("2010", { ...none, area: SALFORD }, joined.rows);
    expect(viewBox).not.toBeNull();
    const [x, y, width, height] = viewBox!;
    expect(zoomOf(viewBox!)).toBeCloseTo(SEAT_MAX_ZOOM, 2);
    // Salford lies around 2.3°W 53.48°N.
    const [sx, sy] = projectMercator(-2.3, 53.48);
    expect(sx).toBeGreaterThan(x);
    expect(sx).toBeLessThan(x + width);
    expect(sy).toBeGreaterThan(y);
    expect(sy).toBeLessThan(y + height);
  });

  it("frames a region around all its seats, further out than a seat", () => {
    const london = initialSvgViewBox("2010", { ...none, region: "london" }, joined.rows);
    const scotland = initialSvgViewBox("2010", { ...none, region: "scotland" }, joined.rows);
    expect(zoomOf(london!)).toBeLessThan(SEAT_MAX_ZOOM);
    expect(zoomOf(scotland!)).toBeLessThan(zoomOf(london!));
  });

  it("follows a shared camera before any selection", () => {
    const at = { lng: -1.5, lat: 52.5, zoom: 7.25 };
    const viewBox = initialSvgViewBox("2010", { area: SALFORD, region: null, at }, joined.rows);
    const [x, y, width] = viewBox!;
    expect(width).toBeCloseTo((NOMINAL_MAP_PX[0] - 2 * FIT_PADDING) * unitsPerPixel(7.25), 1);
    const [cx] = projectMercator(-1.5, 52.5);
    expect(x + width / 2).toBeCloseTo(cx, 1);
    expect(y).toBeGreaterThan(0);
  });
});
