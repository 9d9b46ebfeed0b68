/**
 * Point → constituency: a flatbush index of the seats' bounding boxes and turf's point in polygon on the few seats
 * whose box holds the point; an index of the boundary edges for the distances to boundaries (decisions 0070, 0072).
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import Flatbush from "flatbush";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";

/** Where a point falls: its seat (index into `codes`), how far outside it lies, and other seats close by. */
export interface Placement {
  seat: number;
  /** Metres from the point to the seat's boundary when the point lies outside every seat (e.g. on the coast), else 0. */
  metresOutside: number;
  /** Other seats whose boundary lies within the near-boundary distance, nearest first. */
  nearby: number[];
}

export const METRES_PER_DEGREE_LAT = 110_574;
export const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;
/**
 * How far around a point outside every seat the nearest boundary is first looked for; beyond it every edge is
 * measured (points far out at sea, rare).
 */
export const OUTSIDE_REACH_METRES = 500;

/** Metres per degree of longitude at a latitude (the equirectangular approximation every distance here uses). */
export const metresPerDegreeLng = (lat: number) => METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((lat * Math.PI) / 180);

/** Boundary edges as segments: edge e runs from (x1[e], y1[e]) to (x2[e], y2[e]), in degrees. */
export interface Edges {
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
}

/**
 * Visits the edges that may lie within some metres of a point (a superset, repeats allowed); false when the index
 * cannot bound a search that wide, and every edge must be measured.
 */
export interface EdgeIndex {
  visitNear(lng: number, lat: number, metres: number, visit: (edge: number) => void): boolean;
}

/** flatbush over the edges' bounding boxes, searched with a box the given metres around the point. */
export class EdgeBoxes implements EdgeIndex {
  private readonly index: Flatbush;

  constructor(edges: Edges) {
    this.index = new Flatbush(edges.x1.length);
    for (let e = 0; e < edges.x1.length; e++) {
      this.index.add(
        Math.min(edges.x1[e]!, edges.x2[e]!),
        Math.min(edges.y1[e]!, edges.y2[e]!),
        Math.max(edges.x1[e]!, edges.x2[e]!),
        Math.max(edges.y1[e]!, edges.y2[e]!),
      );
    }
    this.index.finish();
  }

  visitNear(lng: number, lat: number, metres: number, visit: (edge: number) => void): boolean {
    const dLng = metres / metresPerDegreeLng(lat);
    const dLat = metres / METRES_PER_DEGREE_LAT;
    // Visiting in the filter and keeping nothing spares building the list of results.
    this.index.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat, (edge) => {
      visit(edge);
      return false;
    });
    return true;
  }
}

/** A seat's area; other geometry types carry none. */
function polygonal(geometry: Geometry): Polygon | MultiPolygon {
  if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") return geometry;
  throw new Error(`Unexpected boundary geometry ${geometry.type}`);
}

/** Polygons and multipolygons as rings. */
function ringsOf(geometry: Geometry): Position[][] {
  const area = polygonal(geometry);
  return area.type === "Polygon" ? area.coordinates : area.coordinates.flat();
}

export class SeatLocator {
  /** Seat codes, sorted: seat indices everywhere refer to this list. */
  readonly codes: string[];
  private readonly seats: Feature<Polygon | MultiPolygon>[];
  /** The seats' bounding boxes, in the order of `codes`. */
  private readonly boxes: Flatbush;
  private readonly x1: Float64Array;
  private readonly y1: Float64Array;
  private readonly x2: Float64Array;
  private readonly y2: Float64Array;
  private readonly edgeSeat: Uint16Array;
  /** Each seat's edges are edges seatEdgeStart[seat] .. seatEdgeStart[seat + 1] (collected seat by seat). */
  private readonly seatEdgeStart: Uint32Array;
  private readonly edgeIndex: EdgeIndex;
  /** Scratch per seat, reset after each query through `touched`. */
  private readonly nearest: Float64Array;

  constructor(
    collection: FeatureCollection,
    codeProperty: string,
    private readonly nearMetres: number,
    indexEdges: (edges: Edges, nearMetres: number) => EdgeIndex = (edges) => new EdgeBoxes(edges),
  ) {
    const codeOf = (feature: Feature) => String(feature.properties?.[codeProperty]);
    const features = [...collection.features].sort((a, b) => (codeOf(a) < codeOf(b) ? -1 : 1));
    this.codes = features.map(codeOf);
    this.seats = features.map((feature) => ({ ...feature, geometry: polygonal(feature.geometry) }));
    this.boxes = new Flatbush(features.length);
    const edges = this.collectEdges(features);
    [this.x1, this.y1, this.x2, this.y2, this.edgeSeat] = [edges.x1, edges.y1, edges.x2, edges.y2, edges.seat];
    this.seatEdgeStart = new Uint32Array(this.codes.length + 1).fill(this.edgeSeat.length);
    for (let e = this.edgeSeat.length - 1; e >= 0; e--) this.seatEdgeStart[this.edgeSeat[e]!] = e;
    for (let seat = 0; seat < this.codes.length; seat++) {
      let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
      // Every vertex starts one of its seat's edges.
      for (let e = this.seatEdgeStart[seat]!; e < this.seatEdgeStart[seat + 1]!; e++) {
        [west, east] = [Math.min(west, this.x1[e]!), Math.max(east, this.x1[e]!)];
        [south, north] = [Math.min(south, this.y1[e]!), Math.max(north, this.y1[e]!)];
      }
      this.boxes.add(west, south, east, north);
    }
    this.boxes.finish();
    this.edgeIndex = indexEdges(edges, nearMetres);
    this.nearest = new Float64Array(this.codes.length).fill(Infinity);
  }

  private collectEdges(features: Feature[]) {
    const x1: number[] = [];
    const y1: number[] = [];
    const x2: number[] = [];
    const y2: number[] = [];
    const seat: number[] = [];
    features.forEach((feature, index) => {
      for (const ring of ringsOf(feature.geometry)) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax, ay] = ring[i]!;
          const [bx, by] = ring[i + 1]!;
          if (ax === bx && ay === by) continue;
          x1.push(ax!);
          y1.push(ay!);
          x2.push(bx!);
          y2.push(by!);
          seat.push(index);
        }
      }
    });
    return {
      x1: Float64Array.from(x1),
      y1: Float64Array.from(y1),
      x2: Float64Array.from(x2),
      y2: Float64Array.from(y2),
      seat: Uint16Array.from(seat),
    };
  }

  /** Index of the seat whose polygon contains the point (holes excluded), or -1. */
  containing(lng: number, lat: number): number {
    let found = -1;
    for (const seat of this.boxes.search(lng, lat, lng, lat)) {
      // Slivers where simplified polygons overlap resolve to the lowest code, deterministically.
      if ((found === -1 || seat < found) && booleanPointInPolygon([lng, lat], this.seats[seat]!)) found = seat;
    }
    return found;
  }

  /** The containing seat, else the nearest one: `locate` without the near-boundary search. */
  seatOf(lng: number, lat: number): number {
    const inside = this.containing(lng, lat);
    return inside === -1 ? this.locate(lng, lat).seat : inside;
  }

  /** Seat, distance outside and nearby seats for a point; outside every seat it takes the nearest one. */
  locate(lng: number, lat: number): Placement {
    const inside = this.containing(lng, lat);
    // Inside a seat only edges within the near distance matter; outside, those within reach of the nearest seat too.
    const reach = inside === -1 ? OUTSIDE_REACH_METRES + this.nearMetres : this.nearMetres;
    let touched = this.measure(lng, lat, (visit) => {
      if (!this.edgeIndex.visitNear(lng, lat, reach, visit)) this.visitAll(visit);
    });
    let seat = inside;
    if (inside === -1) {
      seat = this.closest(touched);
      if (seat === -1 || this.nearest[seat]! > OUTSIDE_REACH_METRES) {
        this.reset(touched);
        touched = this.measure(lng, lat, (visit) => this.visitAll(visit));
        seat = this.closest(touched);
      }
    }
    const metresOutside = inside === -1 ? this.nearest[seat]! : 0;
    const limit = metresOutside + this.nearMetres;
    const nearby = touched
      .filter((s) => s !== seat && this.nearest[s]! <= limit)
      .sort((a, b) => this.nearest[a]! - this.nearest[b]! || a - b);
    this.reset(touched);
    return { seat, metresOutside, nearby };
  }

  /** Metres from the point to the nearest edge of one seat's boundary (whether the point is inside it or not). */
  distanceTo(lng: number, lat: number, seat: number): number {
    const touched = this.measure(lng, lat, (visit) => {
      for (let e = this.seatEdgeStart[seat]!; e < this.seatEdgeStart[seat + 1]!; e++) visit(e);
    });
    const metres = this.nearest[seat]!;
    this.reset(touched);
    return metres;
  }

  private closest(seats: number[]): number {
    let best = -1;
    // Ties (a vertex two seats share) go to the lowest seat index, whatever order the index lists edges in.
    for (const s of seats) {
      if (best === -1 || this.nearest[s]! < this.nearest[best]! || (this.nearest[s] === this.nearest[best] && s < best))
        best = s;
    }
    return best;
  }

  private reset(seats: number[]): void {
    for (const s of seats) this.nearest[s] = Infinity;
  }

  private visitAll(visit: (edge: number) => void): void {
    for (let e = 0; e < this.edgeSeat.length; e++) visit(e);
  }

  /** Fills `nearest` with each seat's distance over the edges `edges` visits; returns the seats seen. */
  private measure(lng: number, lat: number, edges: (visit: (edge: number) => void) => void): number[] {
    const kx = metresPerDegreeLng(lat);
    const touched: number[] = [];
    edges((e) => {
      const ax = (this.x1[e]! - lng) * kx;
      const ay = (this.y1[e]! - lat) * METRES_PER_DEGREE_LAT;
      const dx = (this.x2[e]! - lng) * kx - ax;
      const dy = (this.y2[e]! - lat) * METRES_PER_DEGREE_LAT - ay;
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
      const px = ax + t * dx;
      const py = ay + t * dy;
      const distance = Math.sqrt(px * px + py * py);
      const seat = this.edgeSeat[e]!;
      if (this.nearest[seat] === Infinity) touched.push(seat);
      if (distance < this.nearest[seat]!) this.nearest[seat] = distance;
    });
    return touched;
  }
}
