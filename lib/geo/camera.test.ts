import { describe, expect, it } from "vitest";
import { getSeats } from "@/lib/seats";
import { MERCATOR_SCALE, projectMercator } from "@/lib/seats/mercator";
import {
  cameraSeats,
  cameraViewBox,
  FIT_PADDING,
  fitViewBox,
  NOMINAL_MAP_PX,
  SEAT_MAX_ZOOM,
  unitsPerPixel,
  zoomOf,
} from "./camera";

const seats2010 = getSeats("2010");

describe("unitsPerPixel and zoomOf", () => {
  it.each([
    [6, 1],
    [7, 0.5],
    [SEAT_MAX_ZOOM, 2 ** -2.5],
  ])("at zoom %d a pixel is %d Mercator units (512-pixel tiles)", (zoom, units) => {
    expect(unitsPerPixel(zoom)).toBeCloseTo(units, 12);
  });

  it.each([3, 5.5, 8.5, 12])("zoomOf inverts the padded fit of a viewBox at zoom %d", (zoom) => {
    const [width, height] = NOMINAL_MAP_PX.map((px) => (px - 2 * FIT_PADDING) * unitsPerPixel(zoom));
    expect(zoomOf([0, 0, width!, height!])).toBeCloseTo(zoom, 9);
  });

  it("takes the tighter side when the viewBox and the map differ in shape", () => {
    const unit = unitsPerPixel(7);
    // Twice as wide as the map allows at zoom 7: it fits one zoom level further out.
    const viewBox = [0, 0, 2 * (NOMINAL_MAP_PX[0] - 2 * FIT_PADDING) * unit, 10] as const;
    expect(zoomOf([...viewBox])).toBeCloseTo(6, 9);
  });
});

describe("fitViewBox", () => {
  it("frames a large box exactly, centred, as fitBounds with the same padding would", () => {
    expect(fitViewBox([1000, 2000, 1600, 2800])).toEqual([1000, 2000, 600, 800]);
  });

  it("widens a small box to what the zoom limit shows, keeping its centre", () => {
    const [x, y, width, height] = fitViewBox([100, 200, 101, 202]);
    const limit = unitsPerPixel(SEAT_MAX_ZOOM);
    expect(width).toBeCloseTo((NOMINAL_MAP_PX[0] - 2 * FIT_PADDING) * limit, 1);
    expect(height).toBeCloseTo((NOMINAL_MAP_PX[1] - 2 * FIT_PADDING) * limit, 1);
    expect(x + width / 2).toBeCloseTo(100.5, 1);
    expect(y + height / 2).toBeCloseTo(201, 1);
    expect(zoomOf([x, y, width, height])).toBeCloseTo(SEAT_MAX_ZOOM, 2);
  });

  it("uses the measured map size when it has one", () => {
    const [, , wide] = fitViewBox([0, 0, 1, 1], [1880, 630]);
    const [, , nominal] = fitViewBox([0, 0, 1, 1]);
    expect(wide).toBeGreaterThan(nominal);
  });
});

describe("cameraViewBox", () => {
  it("centres on the camera and spans the padded map at its zoom", () => {
    const [x, y, width, height] = cameraViewBox({ lng: -2.3, lat: 53.5, zoom: 9 });
    const [cx, cy] = projectMercator(-2.3, 53.5);
    expect(x + width / 2).toBeCloseTo(cx, 1);
    expect(y + height / 2).toBeCloseTo(cy, 1);
    expect(width).toBeCloseTo((NOMINAL_MAP_PX[0] - 2 * FIT_PADDING) * (MERCATOR_SCALE / (512 * 2 ** 9)), 1);
    expect(zoomOf([x, y, width, height])).toBeCloseTo(9, 2);
  });
});

describe("cameraSeats", () => {
  it.each<[string, { area: string | null; region: string | null }, number | null]>([
    ["a selected seat", { area: "E14000911", region: null }, 1],
    ["a seat of another boundary set", { area: "E14001470", region: null }, null],
    ["a region", { area: null, region: "london" }, 73],
    ["a nation", { area: null, region: "wales" }, 40],
    ["nothing", { area: null, region: null }, null],
    ["a seat before a region", { area: "W07000041", region: "london" }, 1],
  ])("frames %s", (_, view, count) => {
    const codes = cameraSeats(view, seats2010);
    expect(codes?.length ?? null).toBe(count);
    if (view.area && count) expect(codes).toEqual([view.area]);
  });
});
