import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import { projectMercator } from "@/lib/seats/mercator";
import { unionBounds } from "./seats-topology";
import { BOUNDARY_SETS } from "@/lib/seats/types";
import {
  hexBounds,
  hexCellTransform,
  hexCentre,
  hexFeatures,
  hexRing,
  hexSvgLayout,
  type HexLayout,
} from "./hex";

describe.each(BOUNDARY_SETS)("the committed %s hex layout", (set) => {
  const layout = JSON.parse(
    readFileSync(path.join(__dirname, "../../public", getGeoManifest(set).hex), "utf8"),
  ) as HexLayout;
  const features = hexFeatures(layout);

  it("has one closed hexagon per seat", () => {
    expect(features.features.map((feature) => feature.properties.code).sort()).toEqual(
      getSeats(set).map((seat) => seat.code),
    );
    for (const feature of features.features) {
      const ring = feature.geometry.coordinates[0] ?? [];
      expect(ring).toHaveLength(7);
      expect(ring[0]).toEqual(ring[6]);
    }
  });

  it("never puts two hexes on one spot, and neighbours never overlap", () => {
    const centres = Object.values(layout.hexes).map(([q, r]) => hexCentre(layout.layout, q, r));
    let nearest = Infinity;
    centres.forEach((a, i) => {
      for (const b of centres.slice(i + 1)) nearest = Math.min(nearest, Math.hypot(a[0] - b[0], a[1] - b[1]));
    });
    expect(nearest).toBeCloseTo(0.25, 5);
  });

  it("gives bounds and an SVG layout for every seat", () => {
    expect(hexBounds(layout).size).toBe(650);
    const svg = hexSvgLayout(layout);
    expect(svg.centres).toHaveLength(650);
    expect(svg.viewBox[2]).toBeGreaterThan(0);
    expect(svg.ring.split(" ")).toHaveLength(6);
  });

  it("draws the SVG in Mercator units where MapLibre projects each hex, framing every hex as MapLibre's extent", () => {
    const svg = hexSvgLayout(layout);
    for (const { code, x, y } of svg.centres) {
      const [lng, lat] = hexCentre(layout.layout, ...layout.hexes[code]!);
      const [px, py] = projectMercator(lng, lat);
      expect(Math.abs(x - px)).toBeLessThan(0.01);
      expect(Math.abs(y - py)).toBeLessThan(0.01);
    }
    const [west, south, east, north] = unionBounds(hexBounds(layout).values())!;
    const [left, top] = projectMercator(west, north);
    const [right, bottom] = projectMercator(east, south);
    const [x, y, width, height] = svg.viewBox;
    for (const [value, expected] of [
      [x, left],
      [y, top],
      [x + width, right],
      [y + height, bottom],
    ] as const)
      expect(Math.abs(value - expected)).toBeLessThan(0.01);
  });

  it("places and stretches the one hex cell to cover each hex as MapLibre projects it", () => {
    const svg = hexSvgLayout(layout);
    const cell = svg.ring.split(" ").map((corner) => corner.split(",").map(Number) as [number, number]);
    let worst = 0;
    for (const centre of svg.centres) {
      const [a = 1, , , d = 1, e = 0, f = 0] = hexCellTransform(centre).slice(7, -1).split(" ").map(Number);
      const ring = hexRing(hexCentre(layout.layout, ...layout.hexes[centre.code]!));
      cell.forEach(([px, py], corner) => {
        const [lng = 0, lat = 0] = ring[corner] ?? [];
        const [x, y] = projectMercator(lng, lat);
        worst = Math.max(worst, Math.abs(a * px + e - x), Math.abs(d * py + f - y));
      });
    }
    // A hundredth of a unit is a sixth of a pixel at the seat zoom (8.5), the closest the SVG shows.
    expect(worst).toBeLessThan(0.03);
  });
});

describe("hexCentre", () => {
  it.each<[HexLayout["layout"], number, number, [number, number]]>([
    ["odd-r", 0, 0, [0, 0]],
    ["odd-r", 0, 1, [0.125, 0.2165]],
    ["odd-r", 0, -1, [0.125, -0.2165]],
    ["even-r", 0, 0, [0.125, 0]],
    ["odd-r", 2, 2, [0.5, 0.433]],
  ])("%s (%d, %d)", (layout, q, r, [x, y]) => {
    const [actualX, actualY] = hexCentre(layout, q, r);
    expect(actualX).toBeCloseTo(x, 3);
    expect(actualY).toBeCloseTo(y, 3);
  });
});
