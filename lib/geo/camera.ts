import { MERCATOR_SCALE, projectMercator, unprojectMercator } from "@/lib/seats/mercator";
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
 * The map's size in the laptop layout (1280×800: the viewport less the side panel and the headers): what a shared
 * camera's viewBox spans, and the size the SVG's outline widths are worked out for.
 */
export const NOMINAL_MAP_PX: readonly [number, number] = [960, 720];

/** Mercator units per CSS pixel at a MapLibre zoom (512-pixel tiles: the world is 512·2^zoom pixels wide). */
export function unitsPerPixel(zoom: number): number {
  return MERCATOR_SCALE / (512 * 2 ** zoom);
}

/**
 * How the SVG frames a view in a map box nobody measured (the server renders the same bytes for every screen): the
 * viewBox is the target itself and the svg element, centred in the map's box and drawing beyond its own edges, is
 * sized in CSS (frameWidth) so the browser scales the target as MapLibre's fitBounds or shared camera would there.
 */
export interface SvgFrame {
  viewBox: ViewBox;
  /** The closest zoom it is shown at: SEAT_MAX_ZOOM for seats, a shared camera's own zoom; null for none. */
  maxZoom: number | null;
  /** Shrinks to fit the map's box, less FIT_PADDING all round (seats, the whole map); a shared camera does not. */
  fit: boolean;
}

/** Seats framed as fitBounds frames them: the box fitted to the map with FIT_PADDING, never closer than the limit. */
export function seatsFrame(box: SeatBox): SvgFrame {
  return { viewBox: viewBoxOf(box), maxZoom: SEAT_MAX_ZOOM, fit: true };
}

/** Every seat, fitted to the map's box. */
export function wholeFrame(viewBox: ViewBox): SvgFrame {
  return { viewBox, maxZoom: null, fit: true };
}

/** A shared camera: its centre in the middle of the map at its zoom, whatever the map's size. */
export function cameraFrame(at: { lng: number; lat: number; zoom: number }): SvgFrame {
  const [x, y] = projectMercator(at.lng, at.lat);
  const scale = unitsPerPixel(at.zoom);
  const [width, height] = NOMINAL_MAP_PX.map((px) => (px - 2 * FIT_PADDING) * scale) as [number, number];
  return {
    viewBox: viewBoxOf([x - width / 2, y - height / 2, x + width / 2, y + height / 2]),
    maxZoom: at.zoom,
    fit: false,
  };
}

/**
 * The svg element's CSS width for a frame (its height follows from the viewBox's shape): the map's box less the
 * padding, by width or by height, whichever is tighter, and no wider than the zoom limit allows. Container query
 * units measure the map's box, so one stylesheet value frames the target in every layout and follows the sheet.
 */
export function frameWidth({ viewBox, maxZoom, fit }: SvgFrame): string {
  const [, , width, height] = viewBox;
  const limit = maxZoom === null ? null : `${round(width / unitsPerPixel(maxZoom))}px`;
  if (!fit) return limit ?? "100%";
  const fits = [
    `100cqw - ${2 * FIT_PADDING}px`,
    `(100cqh - ${2 * FIT_PADDING}px) * ${round(width / height, 6)}`,
  ];
  return `min(${[...fits, ...(limit ? [limit] : [])].join(", ")})`;
}

/** The zoom a frame shows at in a map of `mapPx`, as frameWidth sizes it. */
export function frameZoom(frame: SvgFrame, mapPx: readonly [number, number] = NOMINAL_MAP_PX): number {
  const [, , width, height] = frame.viewBox;
  const limit = frame.maxZoom === null ? Infinity : 1 / unitsPerPixel(frame.maxZoom);
  const pixelsPerUnit = frame.fit
    ? Math.min((mapPx[0] - 2 * FIT_PADDING) / width, (mapPx[1] - 2 * FIT_PADDING) / height, limit)
    : limit;
  return zoomAt(pixelsPerUnit);
}

/** A box on screen, in CSS pixels. */
export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The MapLibre camera that shows exactly what an SVG shows: the point of the drawing under the middle of the map's
 * box, and the zoom of its scale. `svg` is the svg element's box on screen, which fits `viewBox` inside it, centred
 * (preserveAspectRatio xMidYMid meet); `map` is MapLibre's container.
 */
export function cameraOfSvg(
  viewBox: ViewBox,
  svg: ScreenBox,
  map: ScreenBox,
): { lng: number; lat: number; zoom: number } {
  const [x, y, width, height] = viewBox;
  const pixelsPerUnit = Math.min(svg.width / width, svg.height / height);
  // Where the viewBox's top left corner lands: centred in the element on the side it does not fill.
  const left = svg.x + (svg.width - width * pixelsPerUnit) / 2;
  const top = svg.y + (svg.height - height * pixelsPerUnit) / 2;
  const [lng, lat] = unprojectMercator(
    x + (map.x + map.width / 2 - left) / pixelsPerUnit,
    y + (map.y + map.height / 2 - top) / pixelsPerUnit,
  );
  return { lng, lat, zoom: zoomAt(pixelsPerUnit) };
}

function zoomAt(pixelsPerUnit: number): number {
  return Math.log2((pixelsPerUnit * MERCATOR_SCALE) / 512);
}

function viewBoxOf([minX, minY, maxX, maxY]: SeatBox): ViewBox {
  return [round(minX), round(minY), round(maxX - minX), round(maxY - minY)];
}

// Two decimals of a unit are far below a pixel at any zoom the map allows, and keep the markup short.
function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
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
