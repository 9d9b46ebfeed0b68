import { readFileSync } from "node:fs";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { feature, neighbors } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import { MERCATOR_SCALE } from "@/lib/seats/mercator";
import { BOUNDARY_SETS, type BoundarySet, type HexLayout } from "@/lib/seats/types";
import {
  BOUNDARY_SOURCES,
  boundaryCodes,
  OVERVIEW_INTERVAL_METRES,
  simplifyBoundaries,
  TOPOLOGY_OBJECT,
} from "./geometry";
import { gzipBytes } from "./output";
import { publicOut, sharedData } from "./paths";
import { topologyToSeatPaths } from "./seat-paths";

const KB = 1024;
const committed = (url: string) => readFileSync(publicOut(url.replace(/^\/+/, "")), "utf8");
const topologyOf = (set: BoundarySet) => JSON.parse(committed(getGeoManifest(set).topology)) as Topology;
const seatsObject = (topology: Topology) => topology.objects[TOPOLOGY_OBJECT] as GeometryCollection;

/** Seats wholly on islands: the only ones that may share no boundary with another seat. */
const ISLAND_SEATS: Record<BoundarySet, string[]> = {
  "2010": ["E14000762", "S14000027", "S14000051", "W07000041"],
  "2024": ["S14000027", "S14000051", "W07000112"],
};

/** Small islands that must survive simplification: seat, and a box some part of that seat lies wholly inside. */
const ISLANDS: { name: string; codes: Record<BoundarySet, string>; box: [number, number, number, number] }[] = [
  { name: "Isles of Scilly", codes: { "2010": "E14000964", "2024": "E14001511" }, box: [-6.5, 49.8, -6.1, 50.1] },
  { name: "Shetland", codes: { "2010": "S14000051", "2024": "S14000051" }, box: [-1.9, 59.8, -0.6, 60.9] },
  { name: "Lewis and Harris", codes: { "2010": "S14000027", "2024": "S14000027" }, box: [-7.3, 57.6, -6.1, 58.6] },
  { name: "Barra", codes: { "2010": "S14000027", "2024": "S14000027" }, box: [-7.7, 56.9, -7.3, 57.1] },
];

const inside = (box: number[], ring: Position[]) =>
  ring.every(([lng = 0, lat = 0]) => lng >= box[0]! && lat >= box[1]! && lng <= box[2]! && lat <= box[3]!);

describe.each(BOUNDARY_SETS)("boundaries %s", (set) => {
  const manifest = getGeoManifest(set);
  const topology = topologyOf(set);
  const seats = seatsObject(topology);
  const codes = seats.geometries.map((geometry) => String(geometry.id)).sort();

  it("has the same 650 codes in geometry, seat paths, hex layout and metadata", () => {
    const seatPathIds = [...committed(manifest.seatPaths).matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]).sort();
    const hexCodes = Object.keys((JSON.parse(committed(manifest.hex)) as HexLayout).hexes).sort();
    expect(codes).toHaveLength(650);
    expect(new Set(codes).size).toBe(650);
    expect(seatPathIds).toEqual(codes);
    expect(hexCodes).toEqual(codes);
    expect(getSeats(set).map((seat) => seat.code)).toEqual(codes);
  });

  it("gives each seat only its code, as id and property, and a polygon", () => {
    for (const geometry of seats.geometries) {
      expect(["Polygon", "MultiPolygon"]).toContain(geometry.type);
      expect(geometry.properties).toEqual({ code: geometry.id });
    }
  });

  it("stays within the size budgets", () => {
    expect(gzipBytes(committed(manifest.topology))).toBeLessThanOrEqual(150 * KB);
    expect(gzipBytes(committed(manifest.seatPaths))).toBeLessThanOrEqual(120 * KB);
    expect(manifest.gzipBytes.topology).toBe(gzipBytes(committed(manifest.topology)));
  });

  it("names files by the first 8 hex digits of their SHA-256", async () => {
    const { hash8 } = await import("./output");
    for (const url of [manifest.topology, manifest.seatPaths, manifest.hex]) {
      expect(url).toContain(`.${hash8(committed(url))}.`);
    }
  });

  it("shares boundaries between neighbours: only island seats have no neighbour", () => {
    const isolated = neighbors(seats.geometries as never)
      .map((adjacent, i) => (adjacent.length === 0 ? String(seats.geometries[i]!.id) : null))
      .filter((code) => code !== null);
    expect(isolated).toEqual(ISLAND_SEATS[set]);
  });

  it.each(ISLANDS)("keeps $name", ({ codes: bySet, box }) => {
    const seat = feature(topology, seats).features.find((f) => f.id === bySet[set]);
    const geometry = seat?.geometry as Polygon | MultiPolygon;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    expect(polygons.some(([outer]) => outer !== undefined && inside(box, outer))).toBe(true);
  });

  it("is rebuilt byte for byte from the raw boundaries (deterministic and up to date)", async () => {
    const { file, codeField } = BOUNDARY_SOURCES[set];
    const geojson = readFileSync(sharedData(file), "utf8");
    const rebuilt = await simplifyBoundaries(geojson, codeField);
    expect(rebuilt).toBe(committed(manifest.topology));
    expect(boundaryCodes(geojson, codeField)).toEqual(codes);
    const seatPaths = topologyToSeatPaths(JSON.parse(rebuilt) as Topology, TOPOLOGY_OBJECT, MERCATOR_SCALE);
    expect(seatPaths.svg).toBe(committed(manifest.seatPaths));
    expect(seatPaths.viewBox).toEqual(manifest.viewBox);
    expect(await simplifyBoundaries(geojson, codeField, OVERVIEW_INTERVAL_METRES)).toBe(committed(manifest.overview));
  });

  it("has an overview with the same seats and about half the vertices, for MapLibre's first draw", () => {
    const overview = JSON.parse(committed(manifest.overview)) as Topology;
    const overviewCodes = seatsObject(overview).geometries.map((geometry) => String(geometry.id)).sort();
    expect(overviewCodes).toEqual(codes);
    const vertices = (of: Topology) => of.arcs.reduce((sum, arc) => sum + arc.length, 0);
    expect(vertices(overview) / vertices(topology)).toBeGreaterThan(0.35);
    expect(vertices(overview) / vertices(topology)).toBeLessThan(0.6);
    expect(manifest.gzipBytes.overview).toBe(gzipBytes(committed(manifest.overview)));
  });
});
