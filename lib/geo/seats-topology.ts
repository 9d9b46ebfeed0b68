import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export type Bounds = [west: number, south: number, east: number, north: number];
export type SeatFeature = Feature<Polygon | MultiPolygon, { code: string }>;

export interface DecodedSeats {
  collection: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  bounds: Map<string, Bounds>;
}

/** Decodes the boundary file once: features for MapLibre and each seat's bounds for fitting the camera. */
export function decodeSeats(
  topology: Topology<{ seats: GeometryCollection<{ code: string }> }>,
): DecodedSeats {
  const collection = feature(topology, topology.objects.seats) as DecodedSeats["collection"];
  const bounds = new Map<string, Bounds>();
  for (const seat of collection.features) bounds.set(seat.properties.code, featureBounds(seat));
  return { collection, bounds };
}

export function featureBounds(seat: SeatFeature): Bounds {
  const polygons: Position[][][] =
    seat.geometry.type === "Polygon" ? [seat.geometry.coordinates] : seat.geometry.coordinates;
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [lng = 0, lat = 0] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

export function unionBounds(boxes: Iterable<Bounds>): Bounds | null {
  let union: Bounds | null = null;
  for (const box of boxes) {
    union = union
      ? [
          Math.min(union[0], box[0]),
          Math.min(union[1], box[1]),
          Math.max(union[2], box[2]),
          Math.max(union[3], box[3]),
        ]
      : [...box];
  }
  return union;
}
