import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { hexBounds, hexFeatures, type HexLayout } from "@/lib/geo/hex";
import { decodeSeats, unionBounds, type Bounds } from "@/lib/geo/seats-topology";
import type { MapView } from "@/lib/view-state";

/** What the map draws for a view: one polygon per seat keyed by `code`, and each seat's bounds. */
export interface Shapes {
  kind: MapView;
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
export async function loadShapes(kind: MapView, urls: { topology: string; hex: string }): Promise<Shapes> {
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
