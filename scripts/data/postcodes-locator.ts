/**
 * Point → constituency: a flatbush index of the seats' bounding boxes and turf's point in polygon on the few seats
 * whose box holds the point; a grid of edges for the distances to boundaries (decision 0070 has the figures).
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

const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;
/** Grid cell size for the distance search: each cell lists the edges within the near distance of it. */
const CELL_DEGREES = 0.01;
/** Furthest north a UK point lies; the longitude margin is sized for it so it is never too small. */
const NORTHERNMOST_LAT = 61;
const NO_EDGES = new Uint32Array(0);
/** The narrowest a grid cell gets in metres (its east–west width in the far north). */
const CELL_METRES_AT_NORTHERNMOST =
  CELL_DEGREES * METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((NORTHERNMOST_LAT * Math.PI) / 180);

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
  private readonly minLat: number;
  private readonly minLng: number;
  private readonly columns: number;
  private readonly cells: Map<number, Uint32Array>;
  /** Scratch per seat, reset after each query through `touched`. */
  private readonly nearest: Float64Array;

  constructor(
    collection: FeatureCollection,
    codeProperty: string,
    private readonly nearMetres: number,
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
    this.minLat = Math.floor(Math.min(...this.y1)) - 1;
    this.minLng = Math.floor(Math.min(...this.x1)) - 1;
    this.columns = Math.ceil((Math.max(...this.x1) + 1 - this.minLng) / CELL_DEGREES) + 1;
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
    this.cells = this.indexCells();
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

  private column(lng: number): number {
    return Math.floor((lng - this.minLng) / CELL_DEGREES);
  }

  private row(lat: number): number {
    return Math.floor((lat - this.minLat) / CELL_DEGREES);
  }

  private indexCells(): Map<number, Uint32Array> {
    const cells = new Map<number, number[]>();
    const marginLat = this.nearMetres / METRES_PER_DEGREE_LAT;
    const marginLng =
      this.nearMetres / (METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((NORTHERNMOST_LAT * Math.PI) / 180));
    for (let e = 0; e < this.edgeSeat.length; e++) {
      const west = Math.min(this.x1[e]!, this.x2[e]!) - marginLng;
      const east = Math.max(this.x1[e]!, this.x2[e]!) + marginLng;
      const south = Math.min(this.y1[e]!, this.y2[e]!) - marginLat;
      const north = Math.max(this.y1[e]!, this.y2[e]!) + marginLat;
      for (let row = this.row(south); row <= this.row(north); row++) {
        for (let column = this.column(west); column <= this.column(east); column++) {
          const key = row * this.columns + column;
          const list = cells.get(key) ?? [];
          list.push(e);
          cells.set(key, list);
        }
      }
    }
    return new Map([...cells].map(([key, list]) => [key, Uint32Array.from(list)]));
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
    // Inside a seat only edges within the near distance matter, and the point's cell lists all of those.
    let touched = this.measure(lng, lat, inside === -1 ? this.neighbourhood(lng, lat) : this.edgesNear(lng, lat));
    let seat = inside;
    if (inside === -1) {
      seat = this.closest(touched);
      // The 3×3 cells list every edge within one cell width plus the near distance; beyond that, search all.
      if (seat === -1 || this.nearest[seat]! > CELL_METRES_AT_NORTHERNMOST) {
        this.reset(touched);
        touched = this.measure(lng, lat, undefined);
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
    const edges = Uint32Array.from(
      { length: this.seatEdgeStart[seat + 1]! - this.seatEdgeStart[seat]! },
      (_, i) => this.seatEdgeStart[seat]! + i,
    );
    const touched = this.measure(lng, lat, edges);
    const metres = this.nearest[seat]!;
    this.reset(touched);
    return metres;
  }

  private edgesNear(lng: number, lat: number): Uint32Array {
    return this.edgesIn(this.row(lat), this.column(lng));
  }

  private edgesIn(row: number, column: number): Uint32Array {
    return this.cells.get(row * this.columns + column) ?? NO_EDGES;
  }

  /** Edges listed by the point's cell and the eight around it (with repeats, which do no harm). */
  private neighbourhood(lng: number, lat: number): Uint32Array {
    const lists: Uint32Array[] = [];
    const [row, column] = [this.row(lat), this.column(lng)];
    for (const dRow of [-1, 0, 1]) {
      for (const dColumn of [-1, 0, 1]) lists.push(this.edgesIn(row + dRow, column + dColumn));
    }
    const edges = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
    let offset = 0;
    for (const list of lists) {
      edges.set(list, offset);
      offset += list.length;
    }
    return edges;
  }

  private closest(seats: number[]): number {
    let best = -1;
    for (const s of seats) if (best === -1 || this.nearest[s]! < this.nearest[best]!) best = s;
    return best;
  }

  private reset(seats: number[]): void {
    for (const s of seats) this.nearest[s] = Infinity;
  }

  /** Fills `nearest` with each seat's distance over the given edges (all edges when undefined); returns seats seen. */
  private measure(lng: number, lat: number, edges: Uint32Array | undefined): number[] {
    const kx = METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((lat * Math.PI) / 180);
    const touched: number[] = [];
    const count = edges ? edges.length : this.edgeSeat.length;
    for (let i = 0; i < count; i++) {
      const e = edges ? edges[i]! : i;
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
    }
    return touched;
  }
}
