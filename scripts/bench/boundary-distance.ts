/**
 * Distances to boundaries as the postcode build computes them (decision 0072): for every located NSPL postcode, its
 * 2024 seat, how far outside every seat it lies and the other seats within 500 m (`SeatLocator.locate`). The edge
 * index that finds the boundary edges near a point is benched three ways on the same points, and their answers are
 * compared point by point:
 * - flatbush over the edges' bounding boxes (what the locator uses);
 * - a hand-written grid of 0.01° cells, each listing the edges within 500 m of it;
 * - turf alone: @turf/point-to-line-distance (geodesic) from the point to every ring of each seat whose bounding box,
 *   widened by 500 m, holds the point (flatbush over the seats' boxes), on a sample of the postcodes.
 * Runnable alone: `npx tsx scripts/bench/boundary-distance.ts`.
 */
import { readFileSync } from "node:fs";
import { pointToLineDistance } from "@turf/point-to-line-distance";
import Flatbush from "flatbush";
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from "geojson";
import { median } from "simple-statistics";
import { NEAR_BOUNDARY_METRES } from "@/lib/postcodes/meta";
import { sharedData } from "@/scripts/data/paths";
import {
  METRES_PER_DEGREE_LAT,
  metresPerDegreeLng,
  SeatLocator,
  type EdgeIndex,
  type Edges,
  type Placement,
} from "@/scripts/data/postcodes-locator";
import { readNsplPostcodes } from "@/scripts/data/postcodes-source";
import { markdownTable } from "./report";
import type { BenchSection } from "./section";

const RUNS = 3;
/** One postcode in this many goes through turf, which is too slow for all of them. */
const TURF_SAMPLE_EVERY = 100;

/** Grid cell size: each cell lists the edges within the near distance of it. */
const CELL_DEGREES = 0.01;
/** Furthest north a UK point lies; the longitude margin is sized for it so it is never too small. */
const NORTHERNMOST_LAT = 61;
/** The narrowest a grid cell gets in metres (its east–west width in the far north). */
const CELL_METRES_AT_NORTHERNMOST = CELL_DEGREES * metresPerDegreeLng(NORTHERNMOST_LAT);
const NO_EDGES = new Uint32Array(0);

/** The hand-written grid: cells of 0.01°, each listing the edges within `nearMetres` of it. */
export class EdgeGrid implements EdgeIndex {
  private readonly minLat: number;
  private readonly minLng: number;
  private readonly columns: number;
  private readonly cells = new Map<number, Uint32Array>();

  constructor(
    edges: Edges,
    private readonly nearMetres: number,
  ) {
    this.minLat = Math.floor(Math.min(...edges.y1)) - 1;
    this.minLng = Math.floor(Math.min(...edges.x1)) - 1;
    this.columns = Math.ceil((Math.max(...edges.x1) + 1 - this.minLng) / CELL_DEGREES) + 1;
    const lists = new Map<number, number[]>();
    const marginLat = nearMetres / METRES_PER_DEGREE_LAT;
    const marginLng = nearMetres / metresPerDegreeLng(NORTHERNMOST_LAT);
    for (let e = 0; e < edges.x1.length; e++) {
      const west = Math.min(edges.x1[e]!, edges.x2[e]!) - marginLng;
      const east = Math.max(edges.x1[e]!, edges.x2[e]!) + marginLng;
      const south = Math.min(edges.y1[e]!, edges.y2[e]!) - marginLat;
      const north = Math.max(edges.y1[e]!, edges.y2[e]!) + marginLat;
      for (let row = this.row(south); row <= this.row(north); row++) {
        for (let column = this.column(west); column <= this.column(east); column++) {
          const key = row * this.columns + column;
          const list = lists.get(key) ?? [];
          list.push(e);
          lists.set(key, list);
        }
      }
    }
    for (const [key, list] of lists) this.cells.set(key, Uint32Array.from(list));
  }

  visitNear(lng: number, lat: number, metres: number, visit: (edge: number) => void): boolean {
    if (metres > CELL_METRES_AT_NORTHERNMOST + this.nearMetres) return false;
    const [row, column] = [this.row(lat), this.column(lng)];
    // The point's cell lists every edge within the near distance; its 3×3 cells, within one cell width more.
    const span = metres <= this.nearMetres ? 0 : 1;
    for (let dRow = -span; dRow <= span; dRow++) {
      for (let dColumn = -span; dColumn <= span; dColumn++)
        this.edgesIn(row + dRow, column + dColumn).forEach(visit);
    }
    return true;
  }

  private edgesIn(row: number, column: number): Uint32Array {
    return this.cells.get(row * this.columns + column) ?? NO_EDGES;
  }

  private column(lng: number): number {
    return Math.floor((lng - this.minLng) / CELL_DEGREES);
  }

  private row(lat: number): number {
    return Math.floor((lat - this.minLat) / CELL_DEGREES);
  }
}

/** Median wall time of `RUNS` runs of `work`, and its last result. */
function timed<T>(work: () => T, runs = RUNS): { ms: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result: result as T };
}

type Point = { lng: number; lat: number };

const sameNearby = (a: Placement, b: Placement) =>
  a.nearby.length === b.nearby.length && a.nearby.every((seat, i) => b.nearby[i] === seat);

/** Turf's answer for one point: the seats whose rings lie within the near distance (geodesic metres), nearest first. */
function turfNearby(
  point: Point,
  seat: number,
  seatBoxes: Flatbush,
  rings: LineString[][],
): { nearby: number[]; metres: Map<number, number> } {
  const dLng = NEAR_BOUNDARY_METRES / metresPerDegreeLng(point.lat);
  const dLat = NEAR_BOUNDARY_METRES / METRES_PER_DEGREE_LAT;
  const metres = new Map<number, number>();
  for (const candidate of seatBoxes.search(
    point.lng - dLng,
    point.lat - dLat,
    point.lng + dLng,
    point.lat + dLat,
  )) {
    if (candidate === seat) continue;
    const distance = Math.min(
      ...rings[candidate]!.map((ring) =>
        pointToLineDistance([point.lng, point.lat], ring, { units: "meters" }),
      ),
    );
    metres.set(candidate, distance);
  }
  const nearby = [...metres]
    .filter(([, distance]) => distance <= NEAR_BOUNDARY_METRES)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([candidate]) => candidate);
  return { nearby, metres };
}

export async function boundaryDistanceBench(): Promise<string> {
  const collection = JSON.parse(
    readFileSync(sharedData("boundaries", "pcon_2024set_jul2024_uk_buc.geojson"), "utf8"),
  ) as FeatureCollection<Polygon | MultiPolygon>;
  const points: Point[] = readNsplPostcodes().flatMap((row) =>
    row.lat === null || row.lng === null ? [] : [{ lng: row.lng, lat: row.lat }],
  );
  const boxesBuild = timed(() => new SeatLocator(collection, "PCON24CD", NEAR_BOUNDARY_METRES));
  const gridBuild = timed(
    () =>
      new SeatLocator(
        collection,
        "PCON24CD",
        NEAR_BOUNDARY_METRES,
        (edges, near) => new EdgeGrid(edges, near),
      ),
  );
  const locateAll = (locator: SeatLocator) => () =>
    points.map((point) => locator.locate(point.lng, point.lat));
  const pointInPolygon = timed(() =>
    points.map((point) => boxesBuild.result.containing(point.lng, point.lat)),
  );
  const boxes = timed(locateAll(boxesBuild.result));
  const grid = timed(locateAll(gridBuild.result));
  let disagreements = 0;
  boxes.result.forEach((placement, i) => {
    const other = grid.result[i]!;
    if (
      placement.seat !== other.seat ||
      placement.metresOutside !== other.metresOutside ||
      !sameNearby(placement, other)
    )
      disagreements += 1;
  });
  const outside = boxes.result.filter((placement) => placement.metresOutside > 0).length;
  const near = boxes.result.filter((placement) => placement.nearby.length > 0).length;

  // Turf on a sample of the postcodes inside a seat (the locator's seat order: codes sorted).
  const features = [...collection.features].sort((a, b) =>
    String(a.properties?.PCON24CD) < String(b.properties?.PCON24CD) ? -1 : 1,
  );
  const rings: LineString[][] = features.map((feature: Feature<Polygon | MultiPolygon>) =>
    (feature.geometry.type === "Polygon"
      ? feature.geometry.coordinates
      : feature.geometry.coordinates.flat()
    ).map((ring) => ({ type: "LineString", coordinates: ring })),
  );
  const seatBoxes = new Flatbush(features.length);
  for (const feature of features) {
    const positions = (
      feature.geometry.type === "Polygon" ? feature.geometry.coordinates : feature.geometry.coordinates.flat()
    ).flat();
    seatBoxes.add(
      Math.min(...positions.map((p) => p[0]!)),
      Math.min(...positions.map((p) => p[1]!)),
      Math.max(...positions.map((p) => p[0]!)),
      Math.max(...positions.map((p) => p[1]!)),
    );
  }
  seatBoxes.finish();
  const sample = points
    .map((point, i) => ({ point, placement: boxes.result[i]! }))
    .filter(({ placement }, i) => i % TURF_SAMPLE_EVERY === 0 && placement.metresOutside === 0);
  const turf = timed(
    () => sample.map(({ point, placement }) => turfNearby(point, placement.seat, seatBoxes, rings)),
    1,
  );
  const boxesOnSample = timed(() =>
    sample.map(({ point }) => boxesBuild.result.locate(point.lng, point.lat)),
  );
  let turfDisagreements = 0;
  // How far from the 500 m line (in turf's metres) the seats the two answers disagree on lie, at most.
  let furthestFromLine = 0;
  turf.result.forEach((answer, i) => {
    const ours = sample[i]!.placement;
    const differing = [...new Set([...answer.nearby, ...ours.nearby])].filter(
      (seat) => answer.nearby.includes(seat) !== ours.nearby.includes(seat),
    );
    if (differing.length === 0) return;
    turfDisagreements += 1;
    for (const seat of differing)
      furthestFromLine = Math.max(
        furthestFromLine,
        Math.abs(answer.metres.get(seat)! - NEAR_BOUNDARY_METRES),
      );
  });

  const count = (n: number) => n.toLocaleString("en-GB");
  const each = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(2)} µs`;
  return [
    `Median of ${RUNS} runs in one process (turf: one run). ${count(points.length)} located NSPL postcodes against the`,
    `full-resolution ONS July 2024 boundaries (${count(outside)} outside every seat, ${count(near)} within`,
    `${NEAR_BOUNDARY_METRES} m of another seat), each placed as the postcode build does (\`SeatLocator.locate\`:`,
    `point in polygon, then the edges near the point measured in metres). flatbush and the grid gave the same`,
    `answer for ${count(points.length - disagreements)} of ${count(points.length)} postcodes (seat, metres outside,`,
    `nearby seats in order). Turf (geodesic metres) ran on every ${TURF_SAMPLE_EVERY}th postcode inside a seat`,
    `(${count(sample.length)}): its set of nearby seats differed for ${count(turfDisagreements)}, each time by a seat`,
    `within ${furthestFromLine.toFixed(1)} m of the ${NEAR_BOUNDARY_METRES} m line (geodesic against planar metres).`,
    "",
    markdownTable(
      ["edge index", "build", "locate every postcode", "each"],
      [
        [
          "(point in polygon alone, shared by both)",
          "",
          `${Math.round(pointInPolygon.ms)} ms`,
          each(pointInPolygon.ms, points.length),
        ],
        [
          "flatbush over the edges' boxes (used)",
          `${Math.round(boxesBuild.ms)} ms`,
          `${Math.round(boxes.ms)} ms`,
          each(boxes.ms, points.length),
        ],
        [
          "hand-written grid of 0.01° cells",
          `${Math.round(gridBuild.ms)} ms`,
          `${Math.round(grid.ms)} ms`,
          each(grid.ms, points.length),
        ],
        [
          `flatbush on the sample (${count(sample.length)})`,
          "",
          `${Math.round(boxesOnSample.ms)} ms`,
          each(boxesOnSample.ms, sample.length),
        ],
        [
          `@turf/point-to-line-distance on the sample (${count(sample.length)})`,
          "",
          `${Math.round(turf.ms)} ms`,
          each(turf.ms, sample.length),
        ],
      ],
    ),
  ].join("\n");
}

export const boundaryDistanceSection: BenchSection = {
  heading: "Geometry: distances to boundaries",
  run: () => boundaryDistanceBench(),
};

if (process.argv[1]?.endsWith("boundary-distance.ts")) {
  boundaryDistanceBench().then((markdown) => console.log(markdown));
}
