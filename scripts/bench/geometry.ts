/**
 * Geometry on the inputs the app runs it on (decision 0070):
 * - postcode → 2024 seat as the postcode build places every located NSPL postcode (scripts/data/postcodes-locator.ts:
 *   flatbush over the seats' boxes, @turf/boolean-point-in-polygon on the candidates), checked against turf on
 *   every seat whose box holds the point, on the full-resolution 2024 boundaries the build reads;
 * - Web Mercator: lib/seats/mercator.ts against @turf/projection's toMercator (metres, scaled to the same units)
 *   over every vertex of both seat-path topologies.
 * Runnable alone: `npx tsx scripts/bench/geometry.ts`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { toMercator } from "@turf/projection";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { median } from "simple-statistics";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { NEAR_BOUNDARY_METRES } from "@/lib/postcodes/meta";
import { getGeoManifest } from "@/lib/seats";
import { MERCATOR_SCALE, projectMercator } from "@/lib/seats/mercator";
import type { BoundarySet } from "@/lib/seats/types";
import { repoRoot, sharedData } from "@/scripts/data/paths";
import { SeatLocator } from "@/scripts/data/postcodes-locator";
import { readNsplPostcodes } from "@/scripts/data/postcodes-source";
import { TOPOLOGY_OBJECT } from "@/scripts/data/geometry";
import { markdownTable } from "./report";
import type { BenchSection } from "./section";

const RUNS = 3;
const EARTH_RADIUS = 6378137;

/** Median wall time of `RUNS` runs of `work`, and its last result. */
function timed<T>(work: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result: result as T };
}

function pointInPolygonRows(): { rows: string[][]; points: number; outside: number } {
  const boundaries = JSON.parse(
    readFileSync(sharedData("boundaries", "pcon_2024set_jul2024_uk_buc.geojson"), "utf8"),
  ) as FeatureCollection;
  const points = readNsplPostcodes().filter((row) => row.lat !== null && row.lng !== null);
  const build = timed(() => new SeatLocator(boundaries, "PCON24CD", NEAR_BOUNDARY_METRES));
  const locator = build.result;
  const placed = timed(() => {
    const seats = new Int16Array(points.length);
    for (let i = 0; i < points.length; i += 1)
      seats[i] = locator.containing(points[i]!.lng!, points[i]!.lat!);
    return seats;
  });
  const perPoint = (ms: number) => `${((ms * 1000) / points.length).toFixed(2)} µs`;
  return {
    points: points.length,
    outside: placed.result.filter((seat) => seat === -1).length,
    rows: [
      [
        "postcode → 2024 seat: the locator's indexes (seat boxes, edge boxes)",
        `${Math.round(build.ms)} ms`,
        "",
      ],
      ["postcode → 2024 seat: every located postcode", `${Math.round(placed.ms)} ms`, perPoint(placed.ms)],
    ],
  };
}

/** Every vertex of a set's seat-path topology, as [lng, lat]. */
function verticesOf(set: BoundarySet): Position[] {
  const file = path.join(repoRoot, "public", getGeoManifest(set).topology);
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology;
  const seats = feature(topology, topology.objects[TOPOLOGY_OBJECT]!) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  return seats.features.flatMap((seat) =>
    (seat.geometry.type === "Polygon" ? seat.geometry.coordinates : seat.geometry.coordinates.flat()).flat(),
  );
}

/** Turf's Web Mercator (metres) in the seat paths' units: the world MERCATOR_SCALE wide, y growing south. */
function turfMercator([lng, lat]: Position): [number, number] {
  const [x, y] = toMercator([lng!, lat!]) as [number, number];
  return [
    (x / EARTH_RADIUS / (2 * Math.PI) + 0.5) * MERCATOR_SCALE,
    (0.5 - y / EARTH_RADIUS / (2 * Math.PI)) * MERCATOR_SCALE,
  ];
}

function mercatorRows(): { rows: string[][]; vertices: number; largestGap: number } {
  const vertices = [...verticesOf("2010"), ...verticesOf("2024")];
  const projectAll = (project: (position: Position) => [number, number]) => () =>
    vertices.map((position) => project(position));
  const own = timed(projectAll(([lng, lat]) => projectMercator(lng!, lat!)));
  const turf = timed(projectAll(turfMercator));
  let largestGap = 0;
  own.result.forEach(([x, y], i) => {
    const [tx, ty] = turf.result[i]!;
    largestGap = Math.max(largestGap, Math.abs(x - tx), Math.abs(y - ty));
  });
  const perVertex = (ms: number) => `${((ms * 1e6) / vertices.length).toFixed(0)} ns`;
  return {
    vertices: vertices.length,
    largestGap,
    rows: [
      [
        "Web Mercator, lib/seats/mercator.ts: every seat-path vertex",
        `${own.ms.toFixed(1)} ms`,
        `${perVertex(own.ms)}`,
      ],
      [
        "Web Mercator, @turf/projection (not used): every seat-path vertex",
        `${turf.ms.toFixed(1)} ms`,
        `${perVertex(turf.ms)}`,
      ],
    ],
  };
}

export async function geometryBench(): Promise<string> {
  const pip = pointInPolygonRows();
  const mercator = mercatorRows();
  return [
    `Median of ${RUNS} runs in one process. Point in polygon: ${pip.points.toLocaleString("en-GB")} located NSPL`,
    `postcodes against the full-resolution ONS July 2024 boundaries, as the postcode build places them`,
    `(${pip.outside.toLocaleString("en-GB")} fall outside every seat, on the coast). Mercator: ${mercator.vertices.toLocaleString("en-GB")}`,
    `vertices of the 2010 and 2024 seat-path topologies; the two projections differ by at most`,
    `${mercator.largestGap.toExponential(1)} units (a unit is about a pixel at zoom 7).`,
    "",
    markdownTable(["task", "time", "each"], [...pip.rows, ...mercator.rows]),
  ].join("\n");
}

export const geometrySection: BenchSection = {
  heading: "Geometry: point in polygon and Web Mercator",
  run: () => geometryBench(),
};

if (process.argv[1]?.endsWith("geometry.ts")) {
  geometryBench().then((markdown) => console.log(markdown));
}
