import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import { BOUNDARY_SETS } from "@/lib/seats/types";
import { hexBounds, hexCentre, hexFeatures, hexSvgLayout, type HexLayout } from "./hex";

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
