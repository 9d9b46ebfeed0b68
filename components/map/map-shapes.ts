import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { fetchJson } from "@/lib/api/fetch";
import { hexBounds, hexFeatures, type HexLayout } from "@/lib/geo/hex";
import type { PaddingOptions } from "maplibre-gl";
import { SEAT_MAX_ZOOM } from "@/lib/geo/camera";
import { decodeSeats, unionBounds, type Bounds } from "@/lib/geo/seats-topology";
import type { MapCamera } from "@/lib/map/types";
import type { MapKind } from "@/lib/view-state";

/** What the map draws for a view: one polygon per seat keyed by `code`, and each seat's bounds. */
export interface Shapes {
  kind: MapKind;
  collection: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  bounds: Map<string, Bounds>;
  /** The whole layout: where the camera goes with nothing selected. */
  extent: Bounds;
}

/** Boundaries for the geographic map, or hexagons for the cartogram; both from static, long-cached files. */
export async function loadShapes(kind: MapKind, urls: { topology: string; hex: string }): Promise<Shapes> {
  if (kind === "hex") {
    const layout = (await fetchJson(urls.hex)) as HexLayout;
    const bounds = hexBounds(layout);
    return {
      kind,
      collection: hexFeatures(layout),
      bounds,
      extent: unionBounds(bounds.values()) ?? [0, 0, 1, 1],
    };
  }
  const { collection, bounds } = decodeSeats(await fetchJson(urls.topology));
  return { kind, collection, bounds, extent: unionBounds(bounds.values()) ?? [-8.7, 49.8, 1.8, 60.9] };
}

/**
 * The boundaries MapLibre starts with: the overview (simplified for the whole UK: half the vertices for its worker to
 * tile) when the camera opens on the whole UK, else the full detail (docs/decisions/0060-maplibre-geometry.md).
 */
export function firstTopology(camera: MapCamera, geometry: { topology: string; overview: string }): string {
  return camera.seats || camera.at ? geometry.topology : geometry.overview;
}

/** MapLibre's opening camera: the shared camera, else the framed seats, else everything. */
export function initialCamera(camera: MapCamera, shapes: Shapes, padding: PaddingOptions) {
  if (camera.at) return { center: [camera.at.lng, camera.at.lat] as [number, number], zoom: camera.at.zoom };
  const bounds = (camera.seats && boundsOf(camera.seats, shapes)) ?? shapes.extent;
  return { bounds, fitBoundsOptions: { padding, maxZoom: SEAT_MAX_ZOOM } };
}

/** The box around some seats in these shapes; null when none of them is drawn. */
export function boundsOf(codes: readonly string[], shapes: Shapes): Bounds | null {
  return unionBounds(codes.map((code) => shapes.bounds.get(code)).filter((box) => box !== undefined));
}
