import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import { BOUNDARY_SETS } from "@/lib/seats/types";
import { decodeSeats, unionBounds } from "./seats-topology";

describe.each(BOUNDARY_SETS)("decodeSeats (%s set, the committed boundary file)", (set) => {
  const manifest = getGeoManifest(set);
  const topology = JSON.parse(readFileSync(path.join(__dirname, "../../public", manifest.topology), "utf8"));
  const decoded = decodeSeats(topology);

  it("gives one feature and one bounds per seat", () => {
    const codes = getSeats(set).map((seat) => seat.code);
    expect(decoded.collection.features.map((feature) => feature.properties.code).sort()).toEqual(codes);
    expect([...decoded.bounds.keys()].sort()).toEqual(codes);
  });

  it("puts every seat inside the UK and the union at the manifest's bounds", () => {
    for (const [west, south, east, north] of decoded.bounds.values()) {
      expect(west).toBeLessThan(east);
      expect(south).toBeLessThan(north);
      expect(west).toBeGreaterThan(-9);
      expect(east).toBeLessThan(2);
      expect(south).toBeGreaterThan(49.8);
      expect(north).toBeLessThan(61);
    }
    const union = unionBounds(decoded.bounds.values());
    union?.forEach((value, index) => expect(value).toBeCloseTo(manifest.bounds[index] ?? 0, 1));
  });

  it("bounds Salford-sized city seats tightly", () => {
    const code = set === "2010" ? "E14000911" : "E14001459";
    const [west = 0, south = 0, east = 0, north = 0] = decoded.bounds.get(code) ?? [];
    expect(east - west).toBeLessThan(0.3);
    expect(north - south).toBeLessThan(0.2);
  });
});

describe("unionBounds", () => {
  it("returns null for nothing and the hull of boxes", () => {
    expect(unionBounds([])).toBeNull();
    expect(
      unionBounds([
        [0, 0, 1, 1],
        [-1, 0.5, 0.5, 2],
      ]),
    ).toEqual([-1, 0, 1, 2]);
  });
});
