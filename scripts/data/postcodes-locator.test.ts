import { existsSync, readFileSync } from "node:fs";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { skipWithout } from "@/test/dependencies";
import { sharedData } from "./paths";
import { EdgeGrid } from "@/scripts/bench/boundary-distance";
import { SeatLocator, type EdgeIndex } from "./postcodes-locator";
import { seededRandom } from "@/lib/seeded-random";

const file2024 = sharedData("boundaries", "pcon_2024set_jul2024_uk_buc.geojson");

describe.skipIf(skipWithout(existsSync(file2024), `${file2024} is missing`))("SeatLocator on the July 2024 boundaries", () => {
  const collection = JSON.parse(readFileSync(file2024, "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
  const locator = new SeatLocator(collection, "PCON24CD", 300);
  const featureOf = new Map(collection.features.map((feature) => [String(feature.properties?.PCON24CD), feature]));

  it("agrees with turf's point-in-polygon on 5,000 seeded points across Great Britain", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 5000; i++) {
      const [lng, lat] = [-6 + random() * 8, 50 + random() * 8.5];
      const containing = collection.features
        .filter((feature) => booleanPointInPolygon([lng, lat], feature))
        .map((feature) => String(feature.properties?.PCON24CD));
      const seat = locator.containing(lng, lat);
      expect(seat === -1 ? [] : [locator.codes[seat]], `${lng},${lat}`).toEqual(containing);
    }
  }, 60_000);

  it("places SW1A 1AA's centroid in Cities of London and Westminster, away from other seats", () => {
    const placement = locator.locate(-0.14156, 51.50101);
    expect(locator.codes[placement.seat]).toBe("E14001172");
    expect(placement.metresOutside).toBe(0);
    expect(placement.nearby).toEqual([]);
  });

  it("gives a point at sea the nearest seat and says how far outside it lies", () => {
    // Off Whitby, in the North Sea.
    const placement = locator.locate(-0.55, 54.5);
    expect(placement.seat).toBeGreaterThanOrEqual(0);
    expect(placement.metresOutside).toBeGreaterThan(0);
    const feature = featureOf.get(locator.codes[placement.seat]!) as Feature<Polygon | MultiPolygon>;
    expect(booleanPointInPolygon([-0.55, 54.5], feature)).toBe(false);
  });

  it("flags a point on a shared boundary with the seat across it", () => {
    // The midpoint of a vertex pair shared by two seats lies on both boundaries.
    const seatsByVertex = new Map<string, Set<string>>();
    for (const feature of collection.features.slice(0, 50)) {
      const rings = feature.geometry.type === "Polygon" ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
      for (const ring of rings) {
        for (const [lng, lat] of ring) {
          const key = `${lng},${lat}`;
          seatsByVertex.set(key, (seatsByVertex.get(key) ?? new Set()).add(String(feature.properties?.PCON24CD)));
        }
      }
    }
    const shared = [...seatsByVertex].filter(([, seats]) => seats.size === 2).slice(0, 100);
    expect(shared.length).toBe(100);
    for (const [key, seats] of shared) {
      const [lng, lat] = key.split(",").map(Number) as [number, number];
      const placement = locator.locate(lng, lat);
      const answered = [placement.seat, ...placement.nearby].map((seat) => locator.codes[seat]);
      for (const code of seats) expect(answered, key).toContain(code);
    }
  });

  it("finds the same seat, distance outside and nearby seats as the grid and as measuring every edge", () => {
    const everyEdge: EdgeIndex = { visitNear: () => false };
    const reference = new SeatLocator(collection, "PCON24CD", 300, () => everyEdge);
    const grid = new SeatLocator(collection, "PCON24CD", 300, (edges, near) => new EdgeGrid(edges, near));
    const random = seededRandom(11);
    let nearBoundary = 0;
    let outside = 0;
    for (let i = 0; i < 3000; i++) {
      // Around Greater Manchester, where seats are small and boundaries close, and across Great Britain and its coasts.
      const [lng, lat] = i % 2 ? [-2.6 + random() * 0.8, 53.3 + random() * 0.4] : [-6 + random() * 8, 50 + random() * 8.5];
      const placement = locator.locate(lng, lat);
      expect(placement, `${lng},${lat}`).toEqual(reference.locate(lng, lat));
      expect(placement, `${lng},${lat}`).toEqual(grid.locate(lng, lat));
      if (placement.nearby.length > 0) nearBoundary++;
      if (placement.metresOutside > 0) outside++;
    }
    expect(nearBoundary).toBeGreaterThan(100);
    expect(outside).toBeGreaterThan(100);
  }, 120_000);
});
