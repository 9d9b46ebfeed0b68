import type { FeatureCollection, Polygon } from "geojson";
import { MERCATOR_SCALE, projectMercator, unprojectMercator } from "@/lib/seats/mercator";
import type { Box as SeatBox } from "./seat-paths";
import { unionBounds, type Bounds } from "./seats-topology";

/** A HexJSON layout reduced to what we draw: each seat's column and row. */
export interface HexLayout {
  layout: "odd-r" | "even-r";
  hexes: Record<string, [q: number, r: number]>;
}

/** Hex width in degrees: small enough that Web Mercator near the equator keeps the hexes regular. */
const HEX_WIDTH = 0.25;
const ROW_HEIGHT = (HEX_WIDTH * Math.sqrt(3)) / 2;
const CORNER_RADIUS = HEX_WIDTH / Math.sqrt(3);

/** Centre of a pointy-top hex; rows count northwards, and odd (or even) rows are pushed half a hex east. */
export function hexCentre(layout: HexLayout["layout"], q: number, r: number): [x: number, y: number] {
  const shifted = layout === "odd-r" ? Math.abs(r) % 2 === 1 : Math.abs(r) % 2 === 0;
  return [(q + (shifted ? 0.5 : 0)) * HEX_WIDTH, r * ROW_HEIGHT];
}

export function hexRing(centre: [number, number]): [number, number][] {
  const ring: [number, number][] = [];
  for (let corner = 0; corner <= 6; corner += 1) {
    const angle = (Math.PI / 180) * (60 * (corner % 6) - 30);
    ring.push([centre[0] + CORNER_RADIUS * Math.cos(angle), centre[1] + CORNER_RADIUS * Math.sin(angle)]);
  }
  return ring;
}

/** The cartogram as GeoJSON in the same shape as the boundaries: one polygon per seat, keyed by `code`. */
export function hexFeatures(layout: HexLayout): FeatureCollection<Polygon, { code: string }> {
  return {
    type: "FeatureCollection",
    features: Object.entries(layout.hexes).map(([code, [q, r]]) => ({
      type: "Feature",
      properties: { code },
      geometry: { type: "Polygon", coordinates: [hexRing(hexCentre(layout.layout, q, r))] },
    })),
  };
}

export function hexBounds(layout: HexLayout): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const [code, [q, r]] of Object.entries(layout.hexes)) {
    const [x, y] = hexCentre(layout.layout, q, r);
    bounds.set(code, [x - HEX_WIDTH / 2, y - CORNER_RADIUS, x + HEX_WIDTH / 2, y + CORNER_RADIUS]);
  }
  return bounds;
}

/**
 * Each hex's box in the SVG's Mercator units (lib/seats/mercator.ts): its degrees projected as MapLibre projects
 * them, so the geographic map's camera code frames the cartogram as MapLibre does.
 */
export function hexSvgBoxes(layout: HexLayout): Map<string, SeatBox> {
  return new Map(
    [...hexBounds(layout)].map(([code, [west, south, east, north]]) => {
      const [left, top] = projectMercator(west, north);
      const [right, bottom] = projectMercator(east, south);
      return [code, [left, top, right, bottom]];
    }),
  );
}

/**
 * For the server-rendered SVG, in the geographic SVG's Mercator units: each hex's centre projected, one hex cell
 * at the equator's scale (hexCellTransform places and stretches it), and the viewBox framing every hex as
 * MapLibre's whole-layout camera does.
 */
export function hexSvgLayout(layout: HexLayout) {
  const centres = Object.entries(layout.hexes).map(([code, [q, r]]) => {
    const [x, y] = projectMercator(...hexCentre(layout.layout, q, r));
    return { code, x: round(x), y: round(y) };
  });
  const [left = 0, top = 0, right = 0, bottom = 0] = unionBounds(hexSvgBoxes(layout).values()) ?? [];
  const viewBox: [number, number, number, number] = [
    round(left),
    round(top),
    round(right - left),
    round(bottom - top),
  ];
  const unitsPerDegree = MERCATOR_SCALE / 360;
  const ring = hexRing([0, 0])
    .slice(0, 6)
    .map(([x, y]) => `${(x * unitsPerDegree).toFixed(3)},${(-y * unitsPerDegree).toFixed(3)}`)
    .join(" ");
  return { centres, viewBox, ring };
}

/**
 * Where the SVG draws a hex's cell: at its centre, stretched north–south as Mercator stretches that latitude (the
 * layouts reach 10° from the equator, where a hex is 1.6% taller than the cell), so it covers what MapLibre draws.
 */
export function hexCellTransform({ x, y }: { x: number; y: number }): string {
  const [, lat] = unprojectMercator(x, y);
  const stretch = Math.round(1e5 / Math.cos((lat * Math.PI) / 180)) / 1e5;
  return `matrix(1 0 0 ${stretch} ${x} ${y})`;
}

// Hundredths of a unit: under a tenth of a pixel at the closest zoom the SVG shows.
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
