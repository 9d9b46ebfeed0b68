import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { hexBounds, hexFeatures, type HexLayout } from "@/lib/geo/hex";
import { cameraSeats, FIT_PADDING, SEAT_MAX_ZOOM } from "@/lib/geo/camera";
import { decodeSeats, unionBounds, type Bounds } from "@/lib/geo/seats-topology";
import type { SeatRow } from "@/lib/join/types";
import type { MapKind, ViewState } from "@/lib/view-state";

/** What the map draws for a view: one polygon per seat keyed by `code`, and each seat's bounds. */
export interface Shapes {
  kind: MapKind;
  collection: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  bounds: Map<string, Bounds>;
  /** The whole layout: where the camera goes with nothing selected. */
  extent: Bounds;
}

async function fetchJson(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
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

type CameraView = Pick<ViewState, "area" | "region" | "at">;

/** MapLibre's opening camera for a view: the shared camera, else the framed seat or region, else everything. */
export function initialCamera(view: CameraView, shapes: Shapes, rows: readonly SeatRow[]) {
  if (view.at) return { center: [view.at.lng, view.at.lat] as [number, number], zoom: view.at.zoom };
  const bounds = cameraTarget(view, shapes, rows) ?? shapes.extent;
  return { bounds, fitBoundsOptions: { padding: FIT_PADDING, maxZoom: SEAT_MAX_ZOOM } };
}

/** Where the camera should be for a view: the selected seat, else the focused region; null leaves it alone. */
export function cameraTarget(
  view: Omit<CameraView, "at">,
  shapes: Shapes,
  rows: readonly SeatRow[],
): Bounds | null {
  const codes = cameraSeats(view, rows);
  return (
    codes && unionBounds(codes.map((code) => shapes.bounds.get(code)).filter((box) => box !== undefined))
  );
}
