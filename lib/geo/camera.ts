import { MERCATOR_SCALE, projectMercator } from "@/lib/seats/mercator";
import { inRegion, regionBySlug } from "@/lib/regions";
import type { Box as SeatBox } from "./seat-paths";

/** [minX, minY, maxX, maxY] in Mercator units (Web Mercator, MERCATOR_SCALE wide, y down): a seat path's box. */
export type { SeatBox };
/** An SVG viewBox: [x, y, width, height] in Mercator units. */
export type ViewBox = [x: number, y: number, width: number, height: number];

/** CSS pixels kept clear around a fitted seat or region, by MapLibre and by the SVG alike. */
export const FIT_PADDING = 48;
/** Close enough to see a city seat, far enough to see its neighbours. */
export const SEAT_MAX_ZOOM = 8.5;
/**
 * The map's size in the laptop layout (1280×800: the viewport less the side panel and the headers). The server
 * cannot measure the page, so its SVG camera assumes this; the SVG scales it to fit any other map box.
 */
export const NOMINAL_MAP_PX: readonly [number, number] = [960, 720];

/** Mercator units per CSS pixel at a MapLibre zoom (512-pixel tiles: the world is 512·2^zoom pixels wide). */
export function unitsPerPixel(zoom: number): number {
  return MERCATOR_SCALE / (512 * 2 ** zoom);
}

/** The MapLibre zoom at which a viewBox fills a map of `mapPx`, as the SVG shows it (scaled to fit, padded). */
export function zoomOf(viewBox: ViewBox, mapPx: readonly [number, number] = NOMINAL_MAP_PX): number {
  const pixelsPerUnit = Math.min(
    (mapPx[0] - 2 * FIT_PADDING) / viewBox[2],
    (mapPx[1] - 2 * FIT_PADDING) / viewBox[3],
  );
  return Math.log2((pixelsPerUnit * MERCATOR_SCALE) / 512);
}

/**
 * The viewBox that frames `box` as MapLibre's fitBounds does: the SVG's CSS padding is FIT_PADDING and it scales to
 * fit, so only the zoom limit needs copying, by widening a small box to what SEAT_MAX_ZOOM shows at `mapPx`.
 */
export function fitViewBox(box: SeatBox, mapPx: readonly [number, number] = NOMINAL_MAP_PX): ViewBox {
  const limit = unitsPerPixel(SEAT_MAX_ZOOM);
  const width = Math.max(box[2] - box[0], (mapPx[0] - 2 * FIT_PADDING) * limit);
  const height = Math.max(box[3] - box[1], (mapPx[1] - 2 * FIT_PADDING) * limit);
  return centred((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, width, height);
}

/** The viewBox showing what MapLibre shows with this centre and zoom in a map of `mapPx` (less the padding). */
export function cameraViewBox(
  at: { lng: number; lat: number; zoom: number },
  mapPx: readonly [number, number] = NOMINAL_MAP_PX,
): ViewBox {
  const [x, y] = projectMercator(at.lng, at.lat);
  const scale = unitsPerPixel(at.zoom);
  return centred(x, y, (mapPx[0] - 2 * FIT_PADDING) * scale, (mapPx[1] - 2 * FIT_PADDING) * scale);
}

function centred(x: number, y: number, width: number, height: number): ViewBox {
  // Two decimals of a unit are far below a pixel at any zoom the map allows, and keep the markup short.
  const round = (value: number) => Math.round(value * 100) / 100;
  return [round(x - width / 2), round(y - height / 2), round(width), round(height)];
}

/** The seats the camera frames for a view: the selected seat, else the focused region's; null leaves it alone. */
export function cameraSeats(
  view: { area: string | null; region: string | null },
  rows: readonly { code: string; nation: string; regionCode: string }[],
): string[] | null {
  if (view.area) return rows.some((row) => row.code === view.area) ? [view.area] : null;
  const focus = view.region ? regionBySlug(view.region) : undefined;
  return focus ? rows.filter((row) => inRegion(row, focus)).map((row) => row.code) : null;
}
