import { readFileSync } from "node:fs";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Position } from "geojson";
import { decodeSeats, type Bounds, type SeatFeature } from "@/lib/geo/seats-topology";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { publicOut } from "@/scripts/data/paths";

const decoded = new Map<BoundarySet, Map<string, SeatFeature>>();

/** A seat's shape from the same boundary file the browser loads. */
export function seatFeature(set: BoundarySet, code: string): SeatFeature {
  let features = decoded.get(set);
  if (!features) {
    const topology = JSON.parse(readFileSync(publicOut(getGeoManifest(set).topology), "utf8"));
    features = new Map(decodeSeats(topology).collection.features.map((seat) => [seat.properties.code, seat]));
    decoded.set(set, features);
  }
  const seat = features.get(code);
  if (!seat) throw new Error(`No seat ${code} in the ${set} boundary file`);
  return seat;
}

export function seatBox(set: BoundarySet, code: string): Bounds {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng = 0, lat = 0] of outerRings(seatFeature(set, code)).flat()) {
    box[0] = Math.min(box[0], lng);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lng);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

const GRID = 40;

/**
 * A [lng, lat] well inside a seat, to click on: of a grid of points over its box, the one inside the seat that is
 * furthest from any edge (centroids can fall outside concave or multi-part seats).
 */
export function interiorPoint(set: BoundarySet, code: string): [number, number] {
  const seat = seatFeature(set, code);
  const [west, south, east, north] = seatBox(set, code);
  const xScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const rings = allRings(seat);
  let best: { point: [number, number]; clearance: number } | null = null;
  for (let i = 1; i < GRID; i++) {
    for (let j = 1; j < GRID; j++) {
      const point: [number, number] = [
        west + ((east - west) * i) / GRID,
        south + ((north - south) * j) / GRID,
      ];
      if (!booleanPointInPolygon(point, seat)) continue;
      const clearance = distanceToEdges(point, rings, xScale);
      if (!best || clearance > best.clearance) best = { point, clearance };
    }
  }
  if (!best) throw new Error(`Found no point inside ${code}`);
  return best.point;
}

export function isInside(set: BoundarySet, code: string, point: [number, number]): boolean {
  return booleanPointInPolygon(point, seatFeature(set, code));
}

function outerRings(seat: SeatFeature): Position[][] {
  const polygons = seat.geometry.type === "Polygon" ? [seat.geometry.coordinates] : seat.geometry.coordinates;
  return polygons.map((polygon) => polygon[0] ?? []);
}

function allRings(seat: SeatFeature): Position[][] {
  return seat.geometry.type === "Polygon" ? seat.geometry.coordinates : seat.geometry.coordinates.flat();
}

/** Shortest distance (in degrees of latitude, longitude scaled by cos(lat)) from a point to any ring edge. */
function distanceToEdges([x, y]: [number, number], rings: Position[][], xScale: number): number {
  let shortest = Infinity;
  for (const ring of rings) {
    for (let k = 1; k < ring.length; k++) {
      const [ax = 0, ay = 0] = ring[k - 1] ?? [];
      const [bx = 0, by = 0] = ring[k] ?? [];
      shortest = Math.min(shortest, segmentDistance(x * xScale, y, ax * xScale, ay, bx * xScale, by));
    }
  }
  return shortest;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const along =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + along * dx), py - (ay + along * dy));
}
